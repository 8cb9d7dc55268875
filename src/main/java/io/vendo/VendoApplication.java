package io.vendo;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;
import sun.misc.Signal;

@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = {"web", "digest"})
public class VendoApplication {

    /** The one clock every module reads time from, so tests can control it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        exitNormallyOnTerm();
        SpringApplication.run(VendoApplication.class, args);
    }

    /**
     * SIGTERM is how container platforms and service managers ask the portal to stop. The JVM would run the same
     * shutdown (Spring's graceful shutdown: in-flight requests finish, the scheduler hands its work back) and then exit
     * with 143, which reads as a failure; a stop that was asked for ends with 0.
     */
    private static void exitNormallyOnTerm() {
        Signal.handle(new Signal("TERM"), signal -> System.exit(0));
    }
}
