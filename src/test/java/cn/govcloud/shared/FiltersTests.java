package cn.govcloud.shared;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FiltersTests {

	private final DataScope.SqlFilter unitScope = new DataScope.SqlFilter("s.unit_id = ANY(:scopeOrganizations)",
			new UUID[] { UUID.randomUUID() });

	@Test
	void onlyTheFiltersAskedForBecomePredicatesAfterTheScope() {
		Filters filters = new Filters(this.unitScope).and("s.unit_id = :unitId", "unitId", null)
			.and("s.hosting_status = :status", "status", "ON_PLATFORM")
			.and("s.name ILIKE :text", "text", null);
		assertThat(filters.where())
			.isEqualTo(" WHERE s.unit_id = ANY(:scopeOrganizations) AND s.hosting_status = :status");
		assertThat(filters.has("status")).isTrue();
		assertThat(filters.has("unitId")).isFalse();
		assertThat(filters.has("text")).isFalse();
	}

	@Test
	void noFilterLeavesTheScopeAlone() {
		Filters filters = new Filters(new DataScope.SqlFilter("TRUE", null)).and("s.unit_id = :unitId", "unitId", null);
		assertThat(filters.where()).isEqualTo(" WHERE TRUE");
		assertThat(filters.has("unitId")).isFalse();
	}

}
