package dev.pln.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The PLN decision service: explained, stored decisions from the policy officers' rules. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PlnApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlnApplication.class, args);
    }
}
