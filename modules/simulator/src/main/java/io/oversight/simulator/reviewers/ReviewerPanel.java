package io.oversight.simulator.reviewers;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/** Draws a panel of simulated reviewers whose skills vary around a mean, as real reviewers' do. */
public final class ReviewerPanel {

    public static final double MIN_ACCURACY = 0.5;
    public static final double MAX_ACCURACY = 0.999;

    /** The platform's rule for account names (NewUser in the app module); a panel it would refuse is useless. */
    private static final Pattern PLATFORM_LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private ReviewerPanel() {
    }

    /**
     * {@code honestCount} HONEST reviewers, logins {@code loginPrefix + 1 ... loginPrefix + honestCount}, each
     * accuracy drawn from a normal distribution around {@code meanAccuracy} with standard deviation
     * {@code noiseSd}, clamped to [{@value #MIN_ACCURACY}, {@value #MAX_ACCURACY}] (no worse than a coin, never
     * infallible). With {@code withSloppy}, a SLOPPY reviewer comes last under the next login; it is given the
     * mean accuracy because on paper it looks like any other hire.
     */
    public static List<SimulatedReviewer> create(String loginPrefix, int honestCount, double meanAccuracy,
            double noiseSd, boolean withSloppy, long seed) {
        if (honestCount < 0) {
            throw new IllegalArgumentException("honest reviewer count must not be negative: " + honestCount);
        }
        if (noiseSd < 0) {
            throw new IllegalArgumentException("accuracy noise must not be negative: " + noiseSd);
        }
        Random random = new Random(seed);
        List<SimulatedReviewer> panel = new ArrayList<>();
        for (int i = 1; i <= honestCount; i++) {
            double accuracy = clamp(meanAccuracy + noiseSd * random.nextGaussian());
            panel.add(new SimulatedReviewer(login(loginPrefix, i), accuracy, SimulatedReviewer.Behaviour.HONEST));
        }
        if (withSloppy) {
            panel.add(new SimulatedReviewer(login(loginPrefix, honestCount + 1), clamp(meanAccuracy),
                    SimulatedReviewer.Behaviour.SLOPPY));
        }
        return List.copyOf(panel);
    }

    private static String login(String prefix, int number) {
        String login = prefix + number;
        if (!PLATFORM_LOGIN.matcher(login).matches()) {
            throw new IllegalArgumentException("not a valid platform login: " + login);
        }
        return login;
    }

    private static double clamp(double accuracy) {
        return Math.max(MIN_ACCURACY, Math.min(MAX_ACCURACY, accuracy));
    }
}
