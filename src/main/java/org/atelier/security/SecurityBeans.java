package org.atelier.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The password encoder: Spring Security's delegating encoder, bcrypt for new hashes, each hash tagged "{bcrypt}". */
@Configuration(proxyBeanMethods = false)
public class SecurityBeans {

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
