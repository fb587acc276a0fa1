package cn.govcloud.identity;

import cn.govcloud.shared.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The person's own sessions: anyone signed in sees and ends theirs. */
@Controller
class SessionController {

	private final SignedInSessions sessions;

	SessionController(SignedInSessions sessions) {
		this.sessions = sessions;
	}

	@GetMapping("/account/sessions")
	String sessions(HttpServletRequest request, Model model) {
		HttpSession current = request.getSession(false);
		model.addAttribute("sessions", this.sessions.of(CurrentUser.get(), (current != null) ? current.getId() : null));
		return "identity/sessions";
	}

	@PostMapping("/account/sessions/{handle}/end")
	String end(@PathVariable String handle, HttpServletRequest request, RedirectAttributes redirect) {
		HttpSession current = request.getSession(false);
		boolean own = current != null && SignedInSessions.handle(current.getId()).equals(handle);
		boolean ended = this.sessions.end(CurrentUser.get(), handle);
		if (own && ended) {
			return "redirect:/login?logout";
		}
		redirect.addFlashAttribute("notice", ended ? "session.ended" : "session.notFound");
		return "redirect:/account/sessions";
	}

}
