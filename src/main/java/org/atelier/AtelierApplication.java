package org.atelier;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import org.atelier.cli.LaunchOptions;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Atelier: a GLM workbench for insurance pricing. Dark Lumo by default, server push over websocket. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("atelier.css")
@ColorScheme(ColorScheme.Value.DARK)
@PWA(name = "Atelier", shortName = "Atelier", offlineResources = {})
public class AtelierApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        LaunchOptions options = LaunchOptions.parse(args);
        if (options.help()) {
            System.out.println(LaunchOptions.USAGE);
            return;
        }
        SpringApplication app = new SpringApplication(AtelierApplication.class);
        app.setDefaultProperties(options.springProperties());
        app.run(options.remainingArgs());
    }
}
