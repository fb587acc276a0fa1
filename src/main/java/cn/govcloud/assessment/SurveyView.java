package cn.govcloud.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A survey with its questions and results: per unit in the caller's scope, and for the
 * city (Art. 19).
 *
 * @param answered whether the caller has answered
 * @param mayAnswer whether the caller may still answer (open, a unit's person, not yet)
 */
public record SurveyView(UUID id, int year, Integer half, String title, SurveyStatus status, Instant openedAt,
		List<String> questions, boolean answered, boolean mayAnswer, SurveyResult city, List<SurveyResult> units) {

	public SurveyView {
		questions = List.copyOf(questions);
		units = List.copyOf(units);
	}

	/**
	 * The results of a group of respondents (a unit, or the city when {@code unitId} is
	 * null).
	 *
	 * @param averages the average answer per question (1–5, two decimals); null without
	 * answers
	 * @param overall the average of all answers, null without answers
	 * @param ticketRatings the service desk's ticket ratings in the survey's period (the
	 * second satisfaction source), and their average stars (1–5), null without any
	 */
	public record SurveyResult(UUID unitId, String unitName, long respondents, List<Double> averages, Double overall,
			long ticketRatings, Double ticketStars) {
	}

}
