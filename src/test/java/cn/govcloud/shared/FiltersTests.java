package cn.govcloud.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FiltersTests {

	@Test
	void onlyTheFiltersAskedForBecomePredicates() {
		Filters filters = new Filters().and("s.unit_id = :unitId", "unitId", null)
			.and("s.hosting_status = :status", "status", "ON_PLATFORM")
			.and("s.name ILIKE :text", "text", null);
		assertThat(filters.sql()).isEqualTo(" AND s.hosting_status = :status");
		assertThat(filters.has("status")).isTrue();
		assertThat(filters.has("unitId")).isFalse();
		assertThat(filters.has("text")).isFalse();
	}

	@Test
	void noFilterIsNoPredicate() {
		Filters filters = new Filters().and("s.unit_id = :unitId", "unitId", null);
		assertThat(filters.sql()).isEmpty();
		assertThat(filters.has("unitId")).isFalse();
	}

}
