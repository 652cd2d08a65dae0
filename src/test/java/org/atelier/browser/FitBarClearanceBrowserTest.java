package org.atelier.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.Validation;
import org.atelier.model.WorkingSpecService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sticky Fit button stays clear of Vaadin's licence banner on a tall spec (a Belgian-MTPL-shaped portfolio of
 * 18 columns, its column list open, fourteen factors and a hold-out), at 1400x900 and 1280x720: every part of the
 * button is what a click there hits, and a real click (which Selenium refuses on a covered element) fits.
 */
class FitBarClearanceBrowserTest extends BrowserTestBase {
    /** For each probe point of the Fit button (corners inset by 2 px, and the centre): what a click there reaches. */
    private static final String HITS_ON_FIT = """
            const fit = document.getElementById('fit-button');
            const box = fit.getBoundingClientRect();
            const points = [[box.left + 2, box.top + 2], [box.right - 2, box.top + 2], [box.left + 2, box.bottom - 2],
                [box.right - 2, box.bottom - 2], [box.left + box.width / 2, box.top + box.height / 2]];
            return points.map(([x, y]) => {
              const hit = document.elementFromPoint(x, y);
              return hit === fit || fit.contains(hit) ? 'fit' : hit ? hit.tagName + ' at ' + Math.round(y) : 'nothing';
            }).join(', ') + ' | window ' + window.innerHeight + ', button ' + Math.round(box.top) + '-'
                + Math.round(box.bottom);""";

    @Autowired
    WorkingSpecService workingSpecs;

    @Test
    void fitIsClearOfTheBannerOnATallSpecAtEveryWindowSize() throws IOException {
        String projectId = projects.create("Belgian MTPL", "").id();
        Path file = datasets.newUploadFile("bemtpl.csv");
        writePortfolio(file, 3_000);
        String datasetId = datasets.upload(projectId, "bemtpl.csv", file).id();
        List<TermSpec> terms = new ArrayList<>();
        for (String factor : List.of("coverage", "sex", "fuel", "use", "fleet", "region")) {
            terms.add(TermSpec.categorical(factor));
        }
        for (String factor : List.of("ageph", "bm", "power", "agec", "long", "lat", "amount", "average")) {
            terms.add(TermSpec.linear(factor));
        }
        ModelSpec tall = ModelSpec.of("nclaims", "poisson", terms).withOffset("expo")
                .withValidation(Validation.random(0.2, 42));
        workingSpecs.save(projectId, tall);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
        int fitted = 0;
        for (Dimension size : List.of(new Dimension(1400, 900), new Dimension(1280, 720))) {
            String name = size.width + "x" + size.height;
            try {
                driver.manage().window().setSize(size);
                driver.get(url("/project/" + projectId));
                driver.navigate().refresh(); // the banner shows again after every reload
                wait.until(ExpectedConditions.elementToBeClickable(By.id("fit-button")));
                driver.findElement(By.xpath("//vaadin-details-summary[starts-with(normalize-space(.), 'Columns')]"))
                        .click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".atelier-panel"),
                        "postcode"));
                // the banner's script and this app's measurement run as the page loads: allow them a moment
                String[] hits = {""};
                try {
                    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
                        hits[0] = String.valueOf(((JavascriptExecutor) d).executeScript(HITS_ON_FIT));
                        return hits[0].startsWith("fit, fit, fit, fit, fit |");
                    });
                } catch (org.openqa.selenium.TimeoutException e) {
                    throw new AssertionError("At " + name + " the Fit button is covered: " + hits[0], e);
                }
                screenshot("fit-bar-clearance-" + name + ".png");
                driver.findElement(By.id("fit-button")).click(); // Selenium refuses to click a covered element
                int expected = ++fitted;
                wait.until(d -> models.history(projectId).size() == expected);
            } finally {
                screenshot("fit-bar-clearance-" + name + "-end.png");
            }
        }
        assertThat(models.history(projectId)).hasSize(2);
    }

    /** A portfolio with the 18 columns of a Belgian MTPL extract (exposure, claims, policyholder and vehicle). */
    static void writePortfolio(Path file, int rows) {
        SplittableRandom random = new SplittableRandom(97);
        StringBuilder csv = new StringBuilder("id,expo,nclaims,amount,average,coverage,ageph,sex,bm,power,agec,fuel,"
                + "use,fleet,postcode,long,lat,region\n");
        String[] coverages = {"TPL", "TPL+", "TPL++"};
        String[] regions = {"Antwerp", "Brussels", "Flanders", "Wallonia", "Limburg"};
        for (int i = 0; i < rows; i++) {
            double expo = 0.1 + 0.9 * random.nextDouble();
            int claims = random.nextDouble() < 0.12 ? 1 + random.nextInt(2) : 0;
            double amount = claims == 0 ? 0 : 200 + 3000 * random.nextDouble();
            csv.append(String.format(Locale.ROOT, "%d,%.4f,%d,%.2f,%.2f,%s,%d,%s,%d,%d,%d,%s,%s,%d,%d,%.4f,%.4f,%s%n",
                    i + 1, expo, claims, amount, claims == 0 ? 0 : amount / claims, coverages[random.nextInt(3)],
                    18 + random.nextInt(70), random.nextBoolean() ? "male" : "female", random.nextInt(23),
                    20 + random.nextInt(150), random.nextInt(30), random.nextBoolean() ? "gasoline" : "diesel",
                    random.nextDouble() < 0.9 ? "private" : "work", random.nextDouble() < 0.03 ? 1 : 0,
                    1000 + random.nextInt(8999), 2.5 + 3.5 * random.nextDouble(), 49.5 + 2 * random.nextDouble(),
                    regions[random.nextInt(regions.length)]));
        }
        try {
            Files.writeString(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
