package org.creditledger.console.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page and, once signed in, the start page with the parts of the console that are the person's. */
@Controller
class HomeController {

    @GetMapping("/sign-in")
    String signIn() {
        return "sign-in";
    }

    @GetMapping("/")
    String home() {
        return "home";
    }
}
