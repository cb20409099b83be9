package dev.pln.service.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page of the reviewer pages (security on); the form posts to Spring Security's {@code /login}. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
