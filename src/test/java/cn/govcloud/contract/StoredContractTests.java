package cn.govcloud.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.StateChange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The steps of a contract (Art. 7), without Spring or a database. */
class StoredContractTests {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

	static final Instant NOW = Instant.parse("2026-12-03T02:15:00Z");

	static final UUID REVIEWER = UUID.randomUUID();

	static final byte[] PDF = "%PDF-1.7 signed".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	@Test
	void aSignedContractIsSubmittedForFilingAndAPreviousReturnIsCleared() {
		StateChange<ContractSubmitted> submitted = contract(ContractStatus.SIGNED, TODAY).submit(REVIEWER, NOW);
		assertThat(submitted.from()).containsExactly("SIGNED");
		assertThat(submitted.to()).isEqualTo("SUBMITTED");
		assertThat(submitted.columns()).containsEntry("submitted_at", NOW)
			.containsEntry("decided_by", null)
			.containsEntry("return_reason", null);
		assertThat(submitted.event()).isEqualTo(new ContractSubmitted(submitted.id(), "HT2026-000007", "市发改委"));
	}

	@Test
	void onlyASignedContractIsSubmitted() {
		for (ContractStatus status : new ContractStatus[] { ContractStatus.DRAFT, ContractStatus.SUBMITTED,
				ContractStatus.FILED }) {
			assertThatExceptionOfType(ConflictException.class)
				.isThrownBy(() -> contract(status, TODAY).submit(REVIEWER, NOW))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo("contract.notNow"));
		}
	}

	@Test
	void aFiledContractIsActiveAtOnceWhenItsTermHasBegunAndFiledUntilThen() {
		StateChange<ContractFiled> startedToday = contract(ContractStatus.SUBMITTED, TODAY).file(TODAY, REVIEWER, NOW);
		assertThat(startedToday.to()).isEqualTo("ACTIVE");
		assertThat(startedToday.columns()).containsEntry("decided_by", REVIEWER).containsEntry("decided_at", NOW);
		assertThat(startedToday.history().action()).isEqualTo("FILED");
		assertThat(startedToday.event().termStart()).isEqualTo(TODAY);
		assertThat(contract(ContractStatus.SUBMITTED, TODAY.plusDays(1)).file(TODAY, REVIEWER, NOW).to())
			.isEqualTo("FILED");
	}

	@Test
	void filingTwiceIsRefusedNamingWhoDecidedFirstAndWhen() {
		StoredContract filed = decided(ContractStatus.ACTIVE, "审核员 王敏");
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> filed.file(TODAY, REVIEWER, NOW))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo("contract.alreadyDecided");
				assertThat(ex.args()).startsWith("HT2026-000007", "审核员 王敏", CityTime.minutes(NOW));
			});
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> filed.returnToUnit("价格有误", REVIEWER, NOW))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("contract.alreadyDecided"));
	}

	@Test
	void aContractNotYetSubmittedCannotBeFiled() {
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> contract(ContractStatus.SIGNED, TODAY).file(TODAY, REVIEWER, NOW))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("contract.notNow"));
	}

	@Test
	void aReturnNeedsItsReason() {
		StoredContract submitted = contract(ContractStatus.SUBMITTED, TODAY);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> submitted.returnToUnit(" ", REVIEWER, NOW));
		StateChange<ContractReturned> returned = submitted.returnToUnit(" 价格有误 ", REVIEWER, NOW);
		assertThat(returned.columns()).containsEntry("return_reason", "价格有误");
		assertThat(returned.event().reason()).isEqualTo("价格有误");
	}

	@Test
	void signingAndRevisingHappenBeforeFilingOnly() {
		StateChange<Void> signed = contract(ContractStatus.RETURNED, TODAY).sign(TODAY, PDF, TODAY, REVIEWER, NOW);
		assertThat(signed.to()).isEqualTo("SIGNED");
		assertThat(signed.columns()).containsEntry("signed_on", TODAY);
		assertThat(contract(ContractStatus.SIGNED, TODAY).revise().to()).isEqualTo("DRAFT");
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> contract(ContractStatus.SIGNED, TODAY).sign(TODAY, PDF, TODAY, REVIEWER, NOW));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> contract(ContractStatus.SUBMITTED, TODAY).revise());
	}

	@Test
	void aContractIsSignedOnADayNotInTheFutureWithARealPdf() {
		StoredContract draft = contract(ContractStatus.DRAFT, TODAY);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> draft.sign(TODAY.plusDays(1), "not a pdf".getBytes(), TODAY, REVIEWER, NOW))
			.satisfies((ex) -> assertThat(ex.problems()).extracting((problem) -> problem.field() + ":" + problem.code())
				.containsExactly("signedOn:contract.signedOn.future", "file:contract.pdf.invalid"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> draft.sign(null, PDF, TODAY, REVIEWER, NOW))
			.satisfies((ex) -> assertThat(ex.problems()).extracting((problem) -> problem.code())
				.containsExactly("error.field.required"));
	}

	static StoredContract contract(ContractStatus status, LocalDate start) {
		return new StoredContract(UUID.randomUUID(), "HT2026-000007", "XY-1", UUID.randomUUID(), "市发改委",
				UUID.randomUUID(), "云服务公司", UUID.randomUUID(), "网站群", UUID.randomUUID(), "ZY2026-000042", status, start,
				start.plusYears(1), null, 1, false, "张伟", NOW, null, null, null, null);
	}

	static StoredContract decided(ContractStatus status, String by) {
		return new StoredContract(UUID.randomUUID(), "HT2026-000007", "XY-1", UUID.randomUUID(), "市发改委",
				UUID.randomUUID(), "云服务公司", UUID.randomUUID(), "网站群", UUID.randomUUID(), "ZY2026-000042", status, TODAY,
				TODAY.plusYears(1), TODAY, 1, true, "张伟", NOW, NOW, NOW, by, null);
	}

}
