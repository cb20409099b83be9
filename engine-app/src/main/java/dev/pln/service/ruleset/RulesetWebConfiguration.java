package dev.pln.service.ruleset;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the admin token check in front of every rule set write endpoint. */
@Configuration(proxyBeanMethods = false)
class RulesetWebConfiguration implements WebMvcConfigurer {

    private final AdminAccess adminAccess;

    RulesetWebConfiguration(AdminAccess adminAccess) {
        this.adminAccess = adminAccess;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(adminAccess).addPathPatterns("/api/v1/rulesets", "/api/v1/rulesets/**");
    }
}
