package dev.pln.service.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the pages who is signed in ({@code signedIn}, null while security is off) and whether that caller has a
 * password to change ({@code hasPassword}): the navigation shows the name, "修改密码" and "退出".
 */
@ControllerAdvice(basePackages = { "dev.pln.service.review", "dev.pln.service.security" })
class SignedInModel {

    @ModelAttribute("signedIn")
    String signedIn() {
        return CurrentUser.get().map(Principal::name).orElse(null);
    }

    @ModelAttribute("hasPassword")
    boolean hasPassword() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AccountUserDetails;
    }
}
