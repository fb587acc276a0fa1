package cn.govcloud.world;

import java.time.Instant;
import java.time.LocalDate;

import cn.govcloud.assessment.Assessments;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;

/**
 * Last year's supplier assessments (Art. 19) through the assessment module's own
 * decisions: each supplier with a score from the world's records (tickets, ratings, the
 * survey) by the year's rules (the default rules, version 0), issued in the January
 * after, not objected to, finalised by a Commission manager once the objection period was
 * over — the score, the rules version and the payment ratio fixed.
 */
final class WorldAssessments {

	private WorldAssessments() {
	}

	/**
	 * @return the assessments finalised
	 */
	static int write(Assessments assessments, DataScope commission, City city) {
		if (city.managers.isEmpty()) {
			return 0;
		}
		int year = CityTime.today().getYear() - 1;
		City.Person manager = city.managers.get(0);
		Instant issued = CityTime.startOf(LocalDate.of(year + 1, 1, 10)).plusSeconds(10L * 3600);
		LocalDate due = LocalDate.of(year + 1, 1, 24);
		Instant decided = CityTime.startOf(due.plusDays(3)).plusSeconds(15L * 3600);
		if (!decided.isBefore(Instant.now())) {
			return 0;
		}
		int written = 0;
		for (City.Supplier supplier : city.suppliers) {
			if (assessments.settled(commission, year, supplier.id, manager.id(), manager.username(), issued, due,
					decided)) {
				written++;
			}
		}
		return written;
	}

}
