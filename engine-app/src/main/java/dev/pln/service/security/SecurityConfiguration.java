package dev.pln.service.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import dev.pln.service.system.StoreOutage;
import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The filter chain. By default every endpoint needs credentials and the roles of its row in the matrix below, which
 * docs/security.md shows as a table and {@code SecurityMatrixIntegrationTests} checks row by row. Only the explicit
 * opt-out {@code pln.security.enabled=false} opens everything, with a warning at every start.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    static final String INTAKE = Role.INTAKE.name();
    static final String CASEWORKER = Role.CASEWORKER.name();
    static final String REVIEWER = Role.REVIEWER.name();
    static final String POLICY_OFFICER = Role.POLICY_OFFICER.name();
    static final String ADMIN = Role.ADMIN.name();

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordHashes.encoder();
    }

    /** ADMIN implies every other role. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix().role(ADMIN)
                .implies(INTAKE, CASEWORKER, REVIEWER, POLICY_OFFICER).build();
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain filterChain(HttpSecurity http, SecuritySettings settings, Accounts accounts,
            ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        // Our SecurityHeadersFilter sets the browser headers on every response, this chain's included.
        http.headers(AbstractHttpConfigurer::disable);
        if (!settings.enabled()) {
            log.warn("Security is OFF (pln.security.enabled=false was set): every endpoint answers anyone, without "
                    + "credentials. This opt-out is for a throw-away local experiment only; never store real clients' "
                    + "data like this. Remove the setting to require credentials.");
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .csrf(AbstractHttpConfigurer::disable).httpBasic(AbstractHttpConfigurer::disable)
                    .formLogin(AbstractHttpConfigurer::disable).logout(AbstractHttpConfigurer::disable)
                    .requestCache(AbstractHttpConfigurer::disable).build();
        }
        RequestMatcher pages = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/review/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/account/**"));
        var unauthenticated = ProblemResponses.unauthenticated();
        http.addFilterBefore(new StoreOutageFilter(), DisableEncodeUrlFilter.class);
        http.addFilterBefore(new ApiKeyAuthenticationFilter(accounts, unauthenticated),
                BasicAuthenticationFilter.class);
        // Sessions are the login form's alone: calls with their own credentials neither read nor make one, and
        // neither a 401 nor the login page makes one for a stranger (a session per anonymous request filled the
        // heap): the page a stranger asked for and the CSRF token live in cookies until the login succeeds.
        http.securityContext(context -> context.securityContextRepository(new HeaderCredentialsContextRepository()));
        CookieRequestCache pageCache = new CookieRequestCache();
        pageCache.setRequestMatcher(new AndRequestMatcher(pages,
                PathPatternRequestMatcher.withDefaults().matcher(GET, "/**")));
        http.requestCache(cache -> cache.requestCache(pageCache));
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        SimpleUrlAuthenticationFailureHandler wrongCredentials = new SimpleUrlAuthenticationFailureHandler("/login?error");
        wrongCredentials.setAllowSessionCreation(false);
        SimpleUrlAuthenticationFailureHandler storeDown = new SimpleUrlAuthenticationFailureHandler("/login?unavailable");
        storeDown.setAllowSessionCreation(false);
        AuthenticationFailureHandler loginFailed = (request, response, ex) -> (StoreOutage.causedBy(ex) ? storeDown
                : wrongCredentials).onAuthenticationFailure(request, response, ex);
        http.httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated));
        http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/review/decisions")
                .failureHandler(loginFailed).permitAll());
        http.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        // CSRF tokens protect whatever a browser could send on its own: every page form, and API calls made with
        // a session cookie alone. API calls that carry their own credentials need none (they never use the
        // session, see HeaderCredentialsContextRepository), and API calls with no credentials at all are answered
        // 401 (not a 403 for the missing token).
        http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                .ignoringRequestMatchers(request -> request.getRequestURI().startsWith("/api/")
                        && (HeaderCredentialsContextRepository.bringsCredentials(request)
                                || request.getRequestedSessionId() == null)));
        // Pages render their forms' CSRF tokens; make the token (and its session) before the page is written.
        http.addFilterAfter(new PageCsrfToken(), CsrfFilter.class);
        // A session whose user was deleted, or whose password, roles or jurisdiction changed, ends.
        // A relative Location: the Host header is the caller's to choose and must not pick where the browser goes.
        LoginUrlAuthenticationEntryPoint loginForm = new LoginUrlAuthenticationEntryPoint("/login");
        loginForm.setFavorRelativeUris(true);
        http.addFilterBefore(new StaleSessionFilter(accounts, (request, response, ended) -> (pages.matches(request)
                ? loginForm : unauthenticated).commence(request, response, ended)), CsrfFilter.class);
        // Pages send the browser to the login form; everything else (API, API docs, actuator) answers 401.
        http.exceptionHandling(handling -> handling
                .defaultAuthenticationEntryPointFor(loginForm, pages)
                .defaultAuthenticationEntryPointFor(unauthenticated, AnyRequestMatcher.INSTANCE)
                .accessDeniedHandler(ProblemResponses.forbidden()));
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
            BearerTokenResolver jwtsOnly = request -> ApiKeyAuthenticationFilter
                    .isApiKey(request.getHeader("Authorization")) ? null : bearer.resolve(request);
            http.oauth2ResourceServer(server -> server.bearerTokenResolver(jwtsOnly)
                    .authenticationEntryPoint(unauthenticated)
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new JwtPrincipals(settings))));
        }
        http.authorizeHttpRequests(requests -> requests
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/login", "/css/**", "/error",
                        "/favicon.ico").permitAll()
                // The API description holds no client's data; generators and integrators read it without keys.
                .requestMatchers(GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                .permitAll()
                // Administration: users, keys, audit trail, retention, exports.
                .requestMatchers("/api/v1/admin/**").hasRole(ADMIN)
                // Rule sets: policy officers change them; reviewers read which rules decided.
                .requestMatchers(GET, "/api/v1/rulesets", "/api/v1/rulesets/**").hasAnyRole(POLICY_OFFICER, REVIEWER)
                .requestMatchers("/api/v1/rulesets", "/api/v1/rulesets/**", "/api/v1/jobs/**")
                .hasRole(POLICY_OFFICER)
                .requestMatchers(POST, "/api/v1/decisions/*/replay").hasAnyRole(POLICY_OFFICER, REVIEWER)
                // Decisions: intake systems post them, and so do caseworkers for the assessments they make (within
                // their jurisdiction, as for intake); caseworkers override; reviewers flag.
                .requestMatchers(POST, "/api/v1/decisions", "/api/v1/decisions/preview").hasAnyRole(INTAKE, CASEWORKER)
                .requestMatchers(POST, "/api/v1/decisions/*/overrides", "/api/v1/decisions/*/overrides/**")
                .hasRole(CASEWORKER)
                .requestMatchers(POST, "/api/v1/decisions/*/flags").hasRole(REVIEWER)
                .requestMatchers(GET, "/api/v1/decisions/*/counterfactuals").hasAnyRole(CASEWORKER, REVIEWER)
                .requestMatchers(GET, "/api/v1/decisions", "/api/v1/decisions/*")
                .hasAnyRole(INTAKE, CASEWORKER, REVIEWER)
                // Clients, services and follow-ups: caseworkers.
                .requestMatchers(GET, "/api/v1/clients/**", "/api/v1/follow-ups/due").hasRole(CASEWORKER)
                .requestMatchers(POST, "/api/v1/clients/*/services", "/api/v1/clients/*/follow-ups")
                .hasRole(CASEWORKER)
                .requestMatchers(GET, "/api/v1/reports/**").hasAnyRole(REVIEWER, POLICY_OFFICER)
                // Reviewer pages: read by reviewers and caseworkers; overrides and flags as in the API.
                .requestMatchers(POST, "/review/decisions/*/overrides", "/review/decisions/*/overrides/**")
                .hasRole(CASEWORKER)
                .requestMatchers(POST, "/review/decisions/*/flags").hasRole(REVIEWER)
                .requestMatchers(GET, "/review", "/review/**").hasAnyRole(REVIEWER, CASEWORKER)
                // Everyone signed in with a password may change it.
                .requestMatchers(PUT, "/api/v1/account/password").authenticated()
                .requestMatchers("/account/password").authenticated()
                // Operations: what runs and its metrics (no client data; any signed-in caller, e.g. a scrape key).
                .requestMatchers(GET, "/actuator/info", "/actuator/prometheus").authenticated()
                .requestMatchers(DELETE, "/api/**").hasRole(ADMIN)
                .anyRequest().denyAll());
        return http.build();
    }
}
