package dev.jwtlib.it.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The same resources as the Jakarta EE test applications: one public, one for users, one for admins. */
@SpringBootApplication
@RestController
public class ReportsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportsApplication.class, args);
    }

    @GetMapping("/api/public")
    public String open() {
        return "public";
    }

    @GetMapping("/api/reports")
    public String reports(Authentication caller) {
        return "reports of " + caller.getName();
    }

    @GetMapping("/api/reports/all")
    public String all(Authentication caller) {
        return "all reports, for " + caller.getName();
    }
}
