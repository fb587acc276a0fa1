package cn.govcloud.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SortableTests {

	private final Sortable list = Sortable.by("o.name, s.name, s.id", "s.id")
		.field("name", "s.name")
		.field("updatedAt", "s.updated_at");

	@Test
	void withoutSortTheListKeepsItsDefaultOrder() {
		assertThat(this.list.parse(null)).isNull();
		assertThat(this.list.parse(" ")).isNull();
		assertThat(this.list.orderBy(null)).isEqualTo("o.name, s.name, s.id");
	}

	@Test
	void aKnownFieldSortsByItsMappedColumnEitherWayWithEmptyValuesLastAndATieBreaker() {
		assertThat(this.list.orderBy(this.list.parse("updatedAt,desc")))
			.isEqualTo("s.updated_at DESC NULLS LAST, s.id");
		assertThat(this.list.orderBy(this.list.parse("name,ASC"))).isEqualTo("s.name ASC NULLS LAST, s.id");
		assertThat(this.list.parse("name")).isEqualTo(new SortOrder("name", true));
		assertThat(new SortOrder("name", true).reversed()).isEqualTo("name,desc");
	}

	@Test
	void anUnknownFieldOrDirectionIsRefusedNamingSortAndNeverReachesTheSql() {
		for (String sort : new String[] { "s.name,asc", "name;DROP TABLE x,asc", "Name,asc", "name,up", "name,asc,x",
				",asc" }) {
			assertThatExceptionOfType(InvalidInputException.class).as(sort)
				.isThrownBy(() -> this.list.parse(sort))
				.satisfies((ex) -> {
					assertThat(ex.problems()).singleElement().satisfies((problem) -> {
						assertThat(problem.field()).isEqualTo("sort");
						assertThat(problem.args()[0]).isEqualTo(sort);
					});
				});
		}
	}

	@Test
	void aLongRefusedValueIsShortenedInTheMessage() {
		String sort = "x".repeat(5000);
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.list.parse(sort))
			.satisfies((ex) -> assertThat(ex.problems().get(0).args()[0].toString()).hasSizeLessThan(70));
	}

}
