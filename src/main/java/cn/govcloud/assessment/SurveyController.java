package cn.govcloud.assessment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FormErrors;
import cn.govcloud.shared.web.PageLinks;
import cn.govcloud.shared.web.PostRedirect;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The survey pages (Art. 19): the list with the Commission's form to open one, and a
 * survey with its questionnaire (no answer preselected) and its results.
 */
@Controller
@RequestMapping("/surveys")
class SurveyController {

	private final Surveys surveys;

	private final DataScopes scopes;

	private final PostRedirect post;

	SurveyController(Surveys surveys, DataScopes scopes, PostRedirect post) {
		this.surveys = surveys;
		this.scopes = scopes;
		this.post = post;
	}

	@GetMapping
	@Allowed(Permission.READ_SURVEYS)
	String list(@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		PageLinks.list(model, "/surveys", Map.of(), this.surveys.search(sort, page, 20));
		model.addAttribute("thisYear", CityTime.today().getYear());
		return (htmx != null) ? "assessment/surveys :: result" : "assessment/surveys";
	}

	@PostMapping
	@Allowed(Permission.OPEN_SURVEYS)
	String open(@RequestParam MultiValueMap<String, String> form, Model model) {
		try {
			SurveyForm survey = new SurveyForm(number(form.getFirst("year"), "year"),
					blank(form.getFirst("half")) ? null : number(form.getFirst("half"), "half"), form.getFirst("title"),
					lines(form.getFirst("questions")));
			return "redirect:/surveys/" + this.surveys.open(this.scopes.current(), survey);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", FormErrors.messages(ex));
			return list(null, 0, null, model);
		}
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_SURVEYS)
	String view(@PathVariable UUID id, Model model) {
		model.addAttribute("survey", this.surveys.view(this.scopes.current(), id));
		return "assessment/survey";
	}

	@PostMapping("/{id}/responses")
	@Allowed(Permission.ANSWER_SURVEYS)
	String answer(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
			RedirectAttributes redirect) {
		return this.post.after("/surveys/" + id, redirect, () -> {
			int questions = this.surveys.view(this.scopes.current(), id).questions().size();
			List<Integer> answers = new ArrayList<>();
			for (int i = 0; i < questions; i++) {
				String answer = form.getFirst("answers[" + i + "]");
				answers.add(blank(answer) ? null : number(answer, "answers[" + i + "]"));
			}
			this.surveys.answer(this.scopes.current(), id, new AnswerForm(answers));
		});
	}

	@PostMapping("/{id}/close")
	@Allowed(Permission.OPEN_SURVEYS)
	String close(@PathVariable UUID id, RedirectAttributes redirect) {
		return this.post.after("/surveys/" + id, redirect, () -> this.surveys.close(this.scopes.current(), id));
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static Integer number(String value, String field) {
		try {
			return blank(value) ? null : Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw InvalidInputException.of(field, "error.field.format");
		}
	}

	private static List<String> lines(String text) {
		return blank(text) ? List.of() : Arrays.stream(text.split("\\R")).filter((line) -> !line.isBlank()).toList();
	}

}
