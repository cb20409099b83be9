package dev.pln.service.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the {@link AdminToken} check in front of every administrative endpoint ({@code /api/v1/admin/**}: users,
 * keys, the audit trail, retention, exports), reads included, before anything of the request is read; and, with
 * security on, lets only admins of the whole district through.
 */
@Configuration(proxyBeanMethods = false)
class AdminWebConfiguration implements WebMvcConfigurer {

    private final AdminToken adminToken;

    AdminWebConfiguration(AdminToken adminToken) {
        this.adminToken = adminToken;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                adminToken.check(request.getHeader(AdminToken.HEADER), "The administrative endpoints");
                // Users, keys, the audit trail and retention are the whole district's: an admin of one town (a
                // token of an identity provider may say so) would reach beyond it.
                Scope.currentTown().ifPresent(scope -> {
                    throw new OutsideJurisdictionException(scope, "The administrative endpoints are for admins of "
                            + "the whole district.");
                });
                return true;
            }
        }).addPathPatterns("/api/v1/admin/**");
    }
}
