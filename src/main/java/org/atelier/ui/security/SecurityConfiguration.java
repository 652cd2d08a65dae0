package org.atelier.ui.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import jakarta.servlet.DispatcherType;
import org.atelier.config.AccessMode;
import org.atelier.config.AccessProperties;
import org.atelier.security.HostCheckFilter;
import org.atelier.security.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;

/**
 * Spring Security with Vaadin's configurer. Both modes send the same headers (CSP, nosniff, no framing, no
 * referrer to other origins). On loopback every request is allowed and nobody logs in; in login mode every
 * request but the login page, Vaadin's static resources and /health needs a logged-in user, views are checked
 * against their access annotations, and requests naming an unknown host are refused (see {@link HostCheckFilter}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, Environment environment, AccessProperties properties)
            throws Exception {
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(
                        ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        // /health for monitors; the app's own stylesheet, which the login page needs too; and the internal forwards
        // (Vaadin forwards a static resource's request to its servlet) and error pages of a request already checked
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/health", "/atelier.css").permitAll()
                .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll());
        if (AccessMode.of(environment) == AccessMode.LOOPBACK) {
            return http.with(vaadin(), vaadin -> vaadin
                            .enableNavigationAccessControl(false)
                            .anyRequest(any -> any.permitAll()))
                    .build();
        }
        http.addFilterBefore(new HostCheckFilter(HostCheckFilter.allowedHosts(
                environment.getProperty("server.address"), properties.allowedHosts())), DisableEncodeUrlFilter.class);
        // the provider is a bean, so Spring Security's global authentication manager already asks it (and Spring
        // Boot adds no default user); adding it to this chain as well would count every failed login twice
        return http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }
}
