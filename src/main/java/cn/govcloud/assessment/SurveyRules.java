package cn.govcloud.assessment;

import java.util.ArrayList;
import java.util.List;

import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.Text;

/**
 * What a survey and an answer must be (Art. 19), every problem named by its field: a
 * survey of a year (2000–2999) or one of its halves, a title, 1–30 questions; an answer
 * for every question, each 1–5, none missing — the form preselects nothing, so a missing
 * answer is a respondent who did not choose, never a default.
 */
final class SurveyRules {

	static final int MAX_QUESTIONS = 30;

	private SurveyRules() {
	}

	/** The form's questions, stripped; throws naming every problem. */
	static List<String> checked(SurveyForm form) {
		List<FieldProblem> problems = new ArrayList<>();
		if (form.year() == null || form.year() < 2000 || form.year() > 2999) {
			problems.add(new FieldProblem("year", "calendar.year.range"));
		}
		if (form.half() != null && form.half() != 1 && form.half() != 2) {
			problems.add(new FieldProblem("half", "survey.half.invalid"));
		}
		String title = Text.stripToNull(form.title());
		if (title == null || title.length() > 200) {
			problems.add(new FieldProblem("title", "error.field.size", 1, 200));
		}
		List<String> questions = new ArrayList<>();
		List<String> asked = (form.questions() != null) ? form.questions() : List.of();
		for (int i = 0; i < asked.size(); i++) {
			String question = Text.stripToNull(asked.get(i));
			if (question == null || question.length() > 500) {
				problems.add(new FieldProblem("questions[" + i + "]", "error.field.size", 1, 500));
			}
			questions.add(question);
		}
		if (asked.isEmpty() || asked.size() > MAX_QUESTIONS) {
			problems.add(new FieldProblem("questions", "survey.questions", MAX_QUESTIONS));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return questions;
	}

	/**
	 * The answers to {@code questions} questions; throws naming each missing or bad one.
	 */
	static List<Integer> checked(AnswerForm form, int questions) {
		List<Integer> answers = (form != null && form.answers() != null) ? form.answers() : List.of();
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < questions; i++) {
			Integer answer = (i < answers.size()) ? answers.get(i) : null;
			if (answer == null) {
				problems.add(new FieldProblem("answers[" + i + "]", "survey.answer.missing", i + 1));
			}
			else if (answer < 1 || answer > 5) {
				problems.add(new FieldProblem("answers[" + i + "]", "survey.answer.range", i + 1));
			}
		}
		if (answers.size() > questions) {
			problems.add(new FieldProblem("answers", "survey.answer.count", questions));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return answers;
	}

}
