package org.creditledger.console.home;

import jakarta.servlet.http.HttpServletResponse;
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

    /** Any other console address (a mistyped or outdated link): a page that says so, in the console, not a JSON 404. */
    @GetMapping("/console/**")
    String notFound(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "not-found";
    }
}
