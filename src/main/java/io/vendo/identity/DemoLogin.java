package io.vendo.identity;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The local run's users; the demo users' passwords are in the README. */
@Configuration(proxyBeanMethods = false)
@Profile(IdentityMode.LOCAL_PROFILE)
class DemoLogin {

    /**
     * The passwords are published, so hashing them would protect nothing; it would only spend ~100 ms of CPU
     * (bcrypt) on every API call of the local run. They are compared as they are.
     */
    @Bean
    UserDetailsService demoUsers(IdentityProperties properties) {
        List<UserDetails> users = properties.demoUsers().stream()
                .map(demo -> User.withUsername(demo.username())
                        .password("{noop}" + demo.password())
                        .authorities(GroupMapping.authorities(demo.roles(), demo.teams()))
                        .build())
                .toList();
        // Only as a UserDetailsService: were the manager visible as the UserDetailsPasswordService it also is, Spring
        // Security would "upgrade" each {noop} password to bcrypt at the first login, and every later Basic call would
        // pay ~100 ms of CPU for bcrypt (the submission benchmark found 83% of CPU there).
        var manager = new InMemoryUserDetailsManager(users);
        return manager::loadUserByUsername;
    }
}
