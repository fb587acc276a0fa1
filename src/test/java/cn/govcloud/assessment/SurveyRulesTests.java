package cn.govcloud.assessment;

import java.util.Arrays;
import java.util.List;

import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SurveyRulesTests {

	@Test
	void everyQuestionNeedsAnAnswerAndAMissingOneIsNamedNotCountedAsADefault() {
		assertThat(SurveyRules.checked(new AnswerForm(List.of(5, 1, 3)), 3)).containsExactly(5, 1, 3);
		assertThat(fields(() -> SurveyRules.checked(new AnswerForm(Arrays.asList(5, null, 3)), 3)))
			.containsExactly("answers[1]");
		assertThat(fields(() -> SurveyRules.checked(new AnswerForm(List.of(5)), 3))).containsExactly("answers[1]",
				"answers[2]");
		assertThat(fields(() -> SurveyRules.checked(new AnswerForm(null), 1))).containsExactly("answers[0]");
		assertThat(fields(() -> SurveyRules.checked(null, 1))).containsExactly("answers[0]");
	}

	@Test
	void answersAreOneToFiveAndNoMoreThanTheQuestions() {
		assertThat(fields(() -> SurveyRules.checked(new AnswerForm(List.of(0, 6)), 2))).containsExactly("answers[0]",
				"answers[1]");
		assertThat(fields(() -> SurveyRules.checked(new AnswerForm(List.of(4, 4, 4)), 2))).containsExactly("answers");
	}

	@Test
	void aSurveyHasAYearOrAHalfATitleAndOneToThirtyQuestions() {
		assertThat(SurveyRules.checked(new SurveyForm(2026, 1, " 满意度 ", List.of(" 响应及时吗？ "))))
			.containsExactly("响应及时吗？");
		assertThat(fields(() -> SurveyRules.checked(new SurveyForm(1999, 3, " ", List.of())))).containsExactly("year",
				"half", "title", "questions");
		assertThat(fields(() -> SurveyRules.checked(new SurveyForm(2026, null, "t", Arrays.asList("a", " ")))))
			.containsExactly("questions[1]");
		assertThat(fields(
				() -> SurveyRules.checked(new SurveyForm(2026, null, "t", java.util.Collections.nCopies(31, "q")))))
			.containsExactly("questions");
	}

	private static List<String> fields(Runnable check) {
		InvalidInputException refused = (InvalidInputException) org.assertj.core.api.Assertions
			.catchThrowable(check::run);
		assertThat(refused).isNotNull();
		return refused.problems().stream().map(FieldProblem::field).toList();
	}

	@Test
	void aRefusalIsAnInvalidInput() {
		assertThatThrownBy(() -> SurveyRules.checked(new AnswerForm(List.of()), 1))
			.isInstanceOf(InvalidInputException.class);
	}

}
