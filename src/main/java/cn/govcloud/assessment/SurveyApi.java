package cn.govcloud.assessment;

import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.ListParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/surveys")
@Tag(name = "Surveys", description = "Satisfaction surveys of the units, with ticket ratings beside them (Art. 19)")
class SurveyApi {

	private static final String SORT = ListParameters.SORT + "year, title, status, openedAt, responses.";

	private final Surveys surveys;

	private final DataScopes scopes;

	SurveyApi(Surveys surveys, DataScopes scopes) {
		this.surveys = surveys;
		this.scopes = scopes;
	}

	@GetMapping
	@Allowed(Permission.READ_SURVEYS)
	@Operation(summary = "The surveys, newest first unless sorted; size at most 200 (capped)")
	Page<SurveySummary> list(@Parameter(description = SORT) @RequestParam(required = false) String sort,
			@Parameter(description = ListParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ListParameters.SIZE) @RequestParam(defaultValue = "20") int size) {
		return this.surveys.search(sort, page, size);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Allowed(Permission.OPEN_SURVEYS)
	@Operation(summary = "Open a survey of a year (half: null) or half-year (half: 1 or 2) with its questions")
	SurveyView open(@RequestBody SurveyForm form) {
		DataScope scope = this.scopes.current();
		return this.surveys.view(scope, this.surveys.open(scope, form));
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_SURVEYS)
	@Operation(summary = "A survey's questions and results: per unit in scope and for the city, with ticket ratings")
	SurveyView view(@PathVariable UUID id) {
		return this.surveys.view(this.scopes.current(), id);
	}

	@PostMapping("/{id}/responses")
	@ResponseStatus(HttpStatus.CREATED)
	@Allowed(Permission.ANSWER_SURVEYS)
	@Operation(summary = "Answer every question once, 1–5 each; a missing answer is refused, a second response is 409")
	SurveyView answer(@PathVariable UUID id, @RequestBody AnswerForm form) {
		DataScope scope = this.scopes.current();
		this.surveys.answer(scope, id, form);
		return this.surveys.view(scope, id);
	}

	@PostMapping("/{id}/close")
	@Allowed(Permission.OPEN_SURVEYS)
	@Operation(summary = "Close an open survey: its results are final")
	SurveyView close(@PathVariable UUID id) {
		DataScope scope = this.scopes.current();
		this.surveys.close(scope, id);
		return this.surveys.view(scope, id);
	}

}
