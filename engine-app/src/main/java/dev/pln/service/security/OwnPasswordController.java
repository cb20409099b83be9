package dev.pln.service.security;

import dev.pln.service.system.InputProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A signed-in user changes its own password: {@code PUT /api/v1/account/password} and the page
 * {@code /account/password}. API keys are replaced instead, and identity-provider accounts change theirs there.
 */
@Controller
class OwnPasswordController {

    private final OwnPassword ownPassword;

    OwnPasswordController(OwnPassword ownPassword) {
        this.ownPassword = ownPassword;
    }

    /** {@code {"currentPassword", "newPassword"}}. */
    record PasswordChange(String currentPassword, String newPassword) {
    }

    @PutMapping(path = "/api/v1/account/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody // no view: the answer is the ResponseEntity either way; it also puts the endpoint in /v3/api-docs
    ResponseEntity<Void> change(@RequestBody PasswordChange change, HttpServletRequest request) {
        switch (ownPassword.change(change.currentPassword(), change.newPassword(), request.getRemoteAddr())) {
            case NOT_A_PASSWORD_USER -> throw notAPasswordUser();
            case WRONG_CURRENT -> throw new InputProblemException("The current password is wrong.", List.of(
                    new InputProblemException.FieldError("/currentPassword", "is not your current password")));
            case WRONG_LENGTH -> throw new InputProblemException("The new password is too short or too long.",
                    List.of(new InputProblemException.FieldError("/newPassword", "must be "
                            + OwnPassword.MIN_LENGTH + "–" + OwnPassword.MAX_LENGTH + " characters")));
            case CHANGED -> {
            }
        }
        return ResponseEntity.noContent().build();
    }

    private static ErrorResponseException notAPasswordUser() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Only a user signed in "
                + "with a password can change it: API keys are replaced (revoke and create), identity-provider "
                + "accounts change theirs at the provider; with security off nobody is signed in.");
        problem.setType(URI.create("/problems/no-password"));
        problem.setTitle("No password to change");
        return new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
    }

    @GetMapping("/account/password")
    String form() {
        if (ownPassword.signedInUser().isEmpty()) {
            throw notAPasswordUser();
        }
        return "account-password";
    }

    /** On success the session ends and the login form asks for the new password. */
    @PostMapping(path = "/account/password", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String changeByForm(@RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword, @RequestParam(required = false) String repeated,
            HttpServletRequest request, Model model) {
        if (newPassword != null && !newPassword.equals(repeated)) {
            model.addAttribute("error", "两次输入的新密码不一致。");
            return "account-password";
        }
        switch (ownPassword.change(currentPassword, newPassword, request.getRemoteAddr())) {
            case NOT_A_PASSWORD_USER -> throw notAPasswordUser();
            case WRONG_CURRENT -> model.addAttribute("error", "当前密码不正确。");
            case WRONG_LENGTH -> model.addAttribute("error",
                    "新密码须为 " + OwnPassword.MIN_LENGTH + "–" + OwnPassword.MAX_LENGTH + " 个字符。");
            case CHANGED -> {
                // The session ends; the caller stays signed in for the rest of this request, so that the audit
                // trail records who changed the password.
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                return "redirect:/login?passwordChanged";
            }
        }
        return "account-password";
    }
}
