package cn.govcloud.audit;

import java.time.Instant;
import java.time.LocalDate;

import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AuditFilterTests {

	@Test
	void blanksMeanAny() {
		AuditFilter filter = AuditFilter.parse(null, "", "  ", null, "", " ");
		assertThat(filter).isEqualTo(AuditFilter.ALL);
		assertThat(filter.isEmpty()).isTrue();
		assertThat(filter.fromInstant()).isNull();
		assertThat(filter.toInstantExclusive()).isNull();
	}

	@Test
	void readsDaysInCityTimeWithBothEndsIncluded() {
		AuditFilter filter = AuditFilter.parse("2026-03-01", "2026-03-01", " officer ", "财政", "user.", "failure");
		assertThat(filter.from()).isEqualTo(LocalDate.of(2026, 3, 1));
		assertThat(filter.actor()).isEqualTo("officer");
		assertThat(filter.outcome()).isEqualTo(AuditOutcome.FAILURE);
		assertThat(filter.isEmpty()).isFalse();
		// Midnight in Shanghai is 16:00 UTC the day before
		assertThat(filter.fromInstant()).isEqualTo(Instant.parse("2026-02-28T16:00:00Z"));
		assertThat(filter.toInstantExclusive()).isEqualTo(Instant.parse("2026-03-01T16:00:00Z"));
	}

	@Test
	void namesABadDate() {
		assertThat(problems("2026-02-30", null, null)).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("from", "audit.filter.date.invalid"));
		assertThat(problems(null, "27.11.2026", null)).extracting(FieldProblem::field).containsExactly("to");
		assertThat(problems("+102026-01-01", null, null)).extracting(FieldProblem::field).containsExactly("from");
	}

	@Test
	void refusesAnEndBeforeTheStart() {
		assertThat(problems("2026-05-02", "2026-05-01", null)).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("to", "audit.filter.to.beforeFrom"));
	}

	@Test
	void namesAnUnknownOutcome() {
		assertThat(problems(null, null, "MAYBE")).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("outcome", "audit.filter.outcome.invalid"));
	}

	@Test
	void refusesOverlongText() {
		InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
				() -> AuditFilter.parse(null, null, "a".repeat(201), null, null, null));
		assertThat(ex.problems()).extracting(FieldProblem::field).containsExactly("actor");
	}

	@Test
	void describesTheFiltersInUse() {
		assertThat(AuditFilter.ALL.describe()).isEqualTo("all");
		assertThat(AuditFilter.parse("2026-01-01", null, null, null, "login", null).describe())
			.isEqualTo("from=2026-01-01 action=login");
	}

	private static java.util.List<FieldProblem> problems(String from, String to, String outcome) {
		InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
				() -> AuditFilter.parse(from, to, null, null, null, outcome));
		assertThat(ex).as("refused").isNotNull();
		return ex.problems();
	}

}
