package io.oversight.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;

/**
 * The house rules of SPEC section 2 as ArchUnit rules, parameterised by root package so that the
 * rules themselves are tested against fixture packages that break them.
 */
final class ArchitectureRules {

    private static final Set<String> JAX_RS_METHODS = Set.of(
            "jakarta.ws.rs.GET", "jakarta.ws.rs.POST", "jakarta.ws.rs.PUT", "jakarta.ws.rs.DELETE",
            "jakarta.ws.rs.PATCH", "jakarta.ws.rs.HEAD", "jakarta.ws.rs.OPTIONS");
    private static final Set<String> ACCESS_DECLARATIONS = Set.of(
            "jakarta.annotation.security.RolesAllowed", "jakarta.annotation.security.PermitAll",
            "jakarta.annotation.security.DenyAll");

    private ArchitectureRules() {
    }

    /**
     * A module is the first package below {@code root}; its root package is its API. A class may
     * use another module only through that module's root package or one of {@code publishedPackages}.
     */
    static ArchRule modulesUseOnlyEachOthersApi(String root, Set<String> publishedPackages) {
        return classes().that().resideInAPackage(root + "..")
                .should(new ArchCondition<>("use other modules only through their API package") {
                    @Override
                    public void check(JavaClass source, ConditionEvents events) {
                        String sourceModule = moduleOf(root, source.getPackageName());
                        for (Dependency dependency : source.getDirectDependenciesFromSelf()) {
                            String targetPackage = dependency.getTargetClass().getBaseComponentType().getPackageName();
                            if (!targetPackage.startsWith(root + ".")) {
                                continue;
                            }
                            String targetModule = moduleOf(root, targetPackage);
                            boolean allowed = targetModule.equals(sourceModule)
                                    || targetPackage.equals(root + "." + targetModule)
                                    || publishedPackages.contains(targetPackage);
                            if (!allowed) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                });
    }

    static ArchRule modulesAreFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** Plain-Java code that auditors' tools reuse: no container, no ORM, nothing but the JDK and BouncyCastle. */
    static ArchRule plainJavaOnly(String... packages) {
        String[] allowed = new String[packages.length + 3];
        allowed[0] = "java..";
        allowed[1] = "javax.crypto..";
        allowed[2] = "org.bouncycastle..";
        System.arraycopy(packages, 0, allowed, 3, packages.length);
        return noClasses().that().resideInAnyPackage(packages)
                .should().dependOnClassesThat().resideOutsideOfPackages(allowed)
                .because("the offline verifier must run with plain Java and BouncyCastle only");
    }

    /** Default deny for the API: every resource method says who may call it. */
    static ArchRule restMethodsDeclareRoles(String root) {
        return methods().that().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .should(new ArchCondition<>("declare @RolesAllowed, @PermitAll or @DenyAll when they are JAX-RS resource methods") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        boolean resourceMethod = method.getAnnotations().stream()
                                .anyMatch(a -> JAX_RS_METHODS.contains(a.getRawType().getName()));
                        if (!resourceMethod) {
                            return;
                        }
                        boolean declared = method.getAnnotations().stream()
                                .anyMatch(a -> ACCESS_DECLARATIONS.contains(a.getRawType().getName()))
                                || method.getOwner().getAnnotations().stream()
                                .anyMatch(a -> ACCESS_DECLARATIONS.contains(a.getRawType().getName()));
                        if (!declared) {
                            events.add(SimpleConditionEvent.violated(method,
                                    method.getFullName() + " declares no roles"));
                        }
                    }
                });
    }

    private static String moduleOf(String root, String packageName) {
        String rest = packageName.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
