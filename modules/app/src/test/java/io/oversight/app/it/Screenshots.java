package io.oversight.app.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Where the browser tests leave their pictures: the folder named by {@code it.screenshots.dir} when a
 * person regenerates the documentation's set (docs/images/regenerate.sh sets it to docs/images), else
 * target/screenshots/&lt;database&gt;/ as for every other browser test.
 */
final class Screenshots {

    private Screenshots() {
    }

    static void save(ChromeDriver browser, String name) {
        String chosen = System.getProperty("it.screenshots.dir", "");
        if (chosen.isBlank()) {
            Browser.saveScreenshot(browser, name);
            return;
        }
        try {
            Path directory = Path.of(chosen);
            Files.createDirectories(directory);
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), directory.resolve(name),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
