package cn.govcloud.finance;

import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.InvalidInputException;

/** The year a budget page or API is asked for: this year by default, 2000–2999. */
final class BudgetYears {

	private BudgetYears() {
	}

	static int checked(Integer year) {
		if (year == null) {
			return CityTime.today().getYear();
		}
		if (year < 2000 || year > 2999) {
			throw InvalidInputException.of("year", "calendar.year.range");
		}
		return year;
	}

}
