package dev.pln.service.security;

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
        return CurrentUser.withPassword().isPresent();
    }
}
