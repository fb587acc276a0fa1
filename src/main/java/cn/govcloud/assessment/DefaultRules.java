package cn.govcloud.assessment;

import java.util.List;
import java.util.Map;

/**
 * The rules a year is scored with until the Commission configures its own (Art. 19; the
 * configuration and its versions are still to come, issue 18): service response 40,
 * satisfaction 30, quality 30, the example indicators and the default payment
 * table.
 */
final class DefaultRules {

	static final Curve ATTAINMENT = new Curve(60, 100);

	static final Curve STARS = new Curve(1, 5);

	private DefaultRules() {
	}

	static AssessmentRules of(int year) {
		return new AssessmentRules(year, 0,
				Map.of(Dimension.SERVICE_RESPONSE, 40, Dimension.SATISFACTION, 30, Dimension.QUALITY, 30),
				List.of(new Indicator(Measures.FIRST_RESPONSE, Dimension.SERVICE_RESPONSE, 50, "servicedesk",
						ATTAINMENT),
						new Indicator(Measures.RESOLUTION, Dimension.SERVICE_RESPONSE, 50, "servicedesk", ATTAINMENT),
						new Indicator(Measures.TICKET_RATINGS, Dimension.SATISFACTION, 40, "servicedesk", STARS),
						new Indicator(Measures.SURVEYS, Dimension.SATISFACTION, 60, "assessment", STARS),
						new Indicator(Measures.OBLIGATIONS_ON_TIME, Dimension.QUALITY, 30, "reporting", ATTAINMENT),
						new Indicator(Measures.RECTIFICATIONS_ON_TIME, Dimension.QUALITY, 30, "security", ATTAINMENT),
						new Indicator(Measures.P1_FAULTS, Dimension.QUALITY, 20, "servicedesk", new Curve(5, 0)),
						new Indicator(Measures.AVAILABILITY, Dimension.QUALITY, 20, "metering", new Curve(99, 99.9))),
				PaymentTable.DEFAULT);
	}

}
