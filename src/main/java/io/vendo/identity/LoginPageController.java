package io.vendo.identity;

import io.vendo.web.PageController;
import org.springframework.web.bind.annotation.GetMapping;

@PageController
class LoginPageController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
