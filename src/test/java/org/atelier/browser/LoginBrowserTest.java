package org.atelier.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.atelier.dataset.SampleDataService;
import org.atelier.model.ModelStatus;
import org.atelier.user.Role;
import org.atelier.user.UserService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Atelier shared on a LAN, in a real browser under its Content-Security-Policy: the workbench asks for a login,
 * a wrong password is refused with its reason, the right one opens the projects, and a fit started from the
 * browser shows its author in History.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"atelier.open-browser=false", "atelier.access.login-required=true"})
class LoginBrowserTest extends BrowserTestBase {
    static final String PASSWORD = "sharing is caring";

    @Autowired
    UserService users;
    @Autowired
    SampleDataService samples;

    @Test
    void aUserLogsInFitsAndIsNamedAsTheAuthorInHistory() throws IOException {
        users.add("ada", PASSWORD, Role.ADMIN);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "ada", null, java.util.List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        String projectId;
        try {
            projectId = samples.createSampleProject(20_000).id();
        } finally {
            SecurityContextHolder.clearContext();
        }
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
        try {
            driver.get(url("/project/" + projectId));
            wait.until(ExpectedConditions.urlToBe(url("/login")));
            logIn(wait, "ada", "not the password");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-login-form"),
                    "Wrong user name or password"));
            screenshot("login-refused.png");

            logIn(wait, "ada", PASSWORD);
            // the page asked for before the login opens after it
            wait.until(ExpectedConditions.urlContains("/project/" + projectId)); // Spring adds "?continue"
            WebElement fitButton = wait.until(ExpectedConditions.elementToBeClickable(By.id("fit-button")));
            ((JavascriptExecutor) driver).executeScript("arguments[0].click()", fitButton);
            wait.until(d -> !models.history(projectId).isEmpty()
                    && models.history(projectId).getFirst().status() == ModelStatus.COMPLETED);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".atelier-header"),
                    "Completed"));
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//vaadin-tab[normalize-space(.)='History']"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//vaadin-grid-cell-content[normalize-space(.)='ada']")));
            assertThat(models.history(projectId).getFirst().author()).isEqualTo("ada");
            screenshot("login-history-author.png");

            driver.get(url("/"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-button[normalize-space(.)='Log out']")));
            screenshot("login-projects.png");
        } catch (RuntimeException | AssertionError e) {
            screenshot("failure-login.png");
            throw e;
        }
    }

    private void logIn(WebDriverWait wait, String name, String password) {
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input")));
        user.clear();
        user.sendKeys(name);
        WebElement secret = driver.findElement(By.cssSelector("#vaadinLoginPassword input"));
        secret.clear();
        secret.sendKeys(password, Keys.ENTER);
    }
}
