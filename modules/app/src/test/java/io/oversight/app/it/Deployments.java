package io.oversight.app.it;

import java.io.File;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archive integration tests deploy: the very WAR the build produced (so tests run what
 * production runs), under another name so it cannot clash with the configured application.
 */
public final class Deployments {

    private static final String ARQUILLIAN_RUNNER_OPEN = """
                <security-constraint>
                    <web-resource-collection>
                        <web-resource-name>arquillian test runner</web-resource-name>
                        <url-pattern>/ArquillianServletRunnerEE9</url-pattern>
                    </web-resource-collection>
                </security-constraint>
            </web-app>""";

    private static final String PROBES_OPEN = """
                <security-constraint>
                    <web-resource-collection>
                        <web-resource-name>test probes</web-resource-name>
                        <url-pattern>/it-probe/*</url-pattern>
                    </web-resource-collection>
                </security-constraint>
            </web-app>""";

    private Deployments() {
    }

    public static WebArchive productionWar() {
        File war = new File(System.getProperty("it.war", "target/oversight.war"));
        return ShrinkWrap.create(ZipImporter.class, "oversight-it.war").importFrom(war).as(WebArchive.class);
    }

    /**
     * The production WAR plus the in-container test runner. Its default-deny security constraint
     * would refuse the runner's unauthenticated calls, so this archive alone opens that one path.
     */
    public static WebArchive productionWarWithTestRunner() {
        WebArchive archive = productionWar();
        String webXml;
        try (var in = archive.get("WEB-INF/web.xml").getAsset().openStream()) {
            webXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        archive.delete("WEB-INF/web.xml");
        archive.setWebXML(new StringAsset(webXml.replace("</web-app>", ARQUILLIAN_RUNNER_OPEN)));
        return archive;
    }

    /**
     * The production WAR as a client-side test sees it, plus the probes that let it check that a
     * refused request changed nothing ({@link RowCounts}); the probes' path alone is opened.
     */
    public static WebArchive productionWarWithProbes() {
        WebArchive archive = productionWarWithTestRunner();
        String webXml;
        try (var in = archive.get("WEB-INF/web.xml").getAsset().openStream()) {
            webXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        archive.delete("WEB-INF/web.xml");
        archive.setWebXML(new StringAsset(webXml.replace("</web-app>", PROBES_OPEN)));
        return archive.addClasses(RowCounts.class, RetentionProbe.class, OtherServerSignInFailures.class, ApiClient.class,
                        Deployments.class, FailingProbes.class,
                        FailingProbes.FailingPageBean.class, FailingProbes.FailingServlet.class)
                .add(new StringAsset(FailingProbes.PAGE_SOURCE), FailingProbes.PAGE);
    }

    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty("it.db"));
    }
}
