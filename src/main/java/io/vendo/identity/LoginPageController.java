package io.vendo.identity;

import io.vendo.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@PageController
class LoginPageController {

    private final IdentityMode mode;

    LoginPageController(IdentityMode mode) {
        this.mode = mode;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("singleSignOn", mode.oidc());
        model.addAttribute("singleSignOnUrl", "/oauth2/authorization/" + IssuerConfiguration.REGISTRATION_ID);
        model.addAttribute("demoUsers", mode.passwords());
        return "login";
    }
}
