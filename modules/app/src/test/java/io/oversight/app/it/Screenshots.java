package io.oversight.app.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The one way browser tests take pictures: into the folder named by {@code it.screenshots.dir} when a
 * person regenerates the documentation's set (docs/images/regenerate.sh sets it to docs/images and runs
 * every test that calls this), else into target/screenshots/&lt;database&gt;/. Every picture is taken
 * 1366 px wide, the screen the pages are checked at, whatever width the test worked at (its window is
 * given its width back afterwards), so the set looks alike.
 */
final class Screenshots {

    private Screenshots() {
    }

    private static final int WIDTH = 1366;

    static void save(ChromeDriver browser, String name) {
        Dimension size = browser.manage().window().getSize();
        if (size.getWidth() != WIDTH) {
            browser.manage().window().setSize(new Dimension(WIDTH, size.getHeight()));
        }
        try {
            String chosen = System.getProperty("it.screenshots.dir", "");
            if (chosen.isBlank()) {
                Browser.saveScreenshot(browser, name);
                return;
            }
            Path directory = Path.of(chosen);
            Files.createDirectories(directory);
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), directory.resolve(name),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (size.getWidth() != WIDTH) {
                browser.manage().window().setSize(size);
            }
        }
    }
}
