package cn.govcloud.shared;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DataScopesTests {

	private final UUID supplier = UUID.randomUUID();

	private final UUID servedUnit = UUID.randomUUID();

	private final AtomicInteger asked = new AtomicInteger();

	private final DataScopes scopes = scopesServing(this.servedUnit);

	@AfterEach
	void leaveRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void supplierSeesTheUnitsItServes() {
		DataScope scope = this.scopes.of(supplierPrincipal());

		assertThat(scope.canRead(this.supplier)).isTrue();
		assertThat(scope.canRead(this.servedUnit)).isTrue();
		assertThat(scope.canRead(UUID.randomUUID())).isFalse();
	}

	@Test
	void servedUnitsAreAskedOncePerRequest() {
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));

		assertThat(this.scopes.of(supplierPrincipal()).canRead(this.servedUnit)).isTrue();
		assertThat(this.scopes.of(supplierPrincipal()).canRead(this.servedUnit)).isTrue();
		assertThat(this.asked).hasValue(1);

		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
		assertThat(this.scopes.of(supplierPrincipal()).canRead(this.servedUnit)).isTrue();
		assertThat(this.asked).hasValue(2);
	}

	@Test
	void outsideARequestServedUnitsAreAskedEveryTime() {
		assertThat(this.scopes.of(supplierPrincipal()).canRead(this.servedUnit)).isTrue();
		assertThat(this.scopes.of(supplierPrincipal()).canRead(this.servedUnit)).isTrue();

		assertThat(this.asked).hasValue(2);
	}

	@Test
	void servedUnitsAreAskedOnlyWhenAScopeNeedsThemAndThenOnce() {
		DataScope scope = this.scopes.of(supplierPrincipal());
		assertThat(scope.sqlParty("unit_id", "supplier_id").organizations()).containsExactly(this.supplier);
		assertThat(scope.supplierParty()).contains(this.supplier);
		assertThat(this.asked).hasValue(0);

		assertThat(scope.canRead(this.servedUnit)).isTrue();
		assertThat(scope.sql("unit_id").organizations()).containsExactlyInAnyOrder(this.supplier, this.servedUnit);
		assertThat(scope.canRead(UUID.randomUUID())).isFalse();
		assertThat(this.asked).hasValue(1);
	}

	@Test
	void anAdministratorSeesNoOrganisationsBusinessRecordsNotEvenTheCommissions() {
		for (Role administrator : Role.ADMINISTRATORS) {
			GovCloudPrincipal admin = commission(administrator);
			DataScope scope = this.scopes.of(admin);

			assertThat(scope.seesAll()).as(administrator.name()).isFalse();
			assertThat(scope.seesAggregates()).isFalse();
			assertThat(scope.canRead(this.servedUnit)).isFalse();
			assertThat(scope.canRead(admin.organizationId())).isFalse();
			assertThat(scope.canWrite(admin.organizationId())).isFalse();
			assertThat(scope.sql("unit_id").clause()).isEqualTo("unit_id = ANY(:scopeOrganizations)");
			assertThat(scope.sql("unit_id").organizations()).isEmpty();
		}
	}

	@Test
	void theCommissionsReviewersAndManagersSeeAllAndSoDoesAnAdministratorThroughSuchARole() {
		assertThat(this.scopes.of(commission(Role.COMMISSION_REVIEWER)).seesAll()).isTrue();
		assertThat(this.scopes.of(commission(Role.COMMISSION_MANAGER)).canRead(this.servedUnit)).isTrue();
		assertThat(this.scopes.of(commission(Role.SYSTEM_ADMIN, Role.COMMISSION_MANAGER)).seesAll()).isTrue();
	}

	@Test
	void aSupplierReadsTheRecordsItIsPartyToNeverAnotherSuppliersEvenForAUnitItServes() {
		DataScope scope = this.scopes.of(supplierPrincipal());
		UUID otherSupplier = UUID.randomUUID();

		assertThat(scope.supplierParty()).contains(this.supplier);
		assertThat(scope.canReadParty(this.servedUnit, this.supplier)).isTrue();
		assertThat(scope.canReadParty(this.servedUnit, otherSupplier)).isFalse();
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> scope
			.requireParty(Optional.of(otherSupplier), (record) -> this.servedUnit, (record) -> record, "contract", 1));
		DataScope.SqlFilter filter = scope.sqlParty("c.unit_id", "c.supplier_id");
		assertThat(filter.clause()).isEqualTo("c.supplier_id = ANY(:scopeOrganizations)");
		assertThat(filter.organizations()).containsExactly(this.supplier);
		assertThat(scope.sqlSupplier("supplier_id").organizations()).containsExactly(this.supplier);
	}

	@Test
	void everyoneElseReadsPartyRecordsByTheUnitAndNoSuppliersOwnRecords() {
		UUID unit = UUID.randomUUID();
		DataScope unitScope = this.scopes.of(new GovCloudPrincipal(UUID.randomUUID(), "member", "Member", unit, "Unit",
				OrganizationKind.UNIT, Set.of(Role.UNIT_MEMBER), false));
		DataScope commission = this.scopes.of(commission(Role.COMMISSION_MANAGER));

		assertThat(unitScope.supplierParty()).isEmpty();
		assertThat(unitScope.canReadParty(unit, this.supplier)).isTrue();
		assertThat(unitScope.canReadParty(this.servedUnit, this.supplier)).isFalse();
		assertThat(unitScope.sqlParty("c.unit_id", "c.supplier_id").clause())
			.isEqualTo("c.unit_id = ANY(:scopeOrganizations)");
		assertThat(unitScope.sqlSupplier("supplier_id").clause()).isEqualTo("FALSE");
		assertThat(commission.sqlParty("c.unit_id", "c.supplier_id").clause()).isEqualTo("TRUE");
		assertThat(commission.sqlSupplier("supplier_id").clause()).isEqualTo("TRUE");
	}

	private static GovCloudPrincipal commission(Role... roles) {
		return new GovCloudPrincipal(UUID.randomUUID(), "someone", "Someone", UUID.randomUUID(), "Commission",
				OrganizationKind.COMMISSION, Set.of(roles), false);
	}

	private DataScopes scopesServing(UUID unit) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("servedUnits", (ServedUnits) (supplierId) -> {
			this.asked.incrementAndGet();
			return supplierId.equals(this.supplier) ? Set.of(unit) : Set.of();
		});
		return new DataScopes(beans.getBeanProvider(ServedUnits.class));
	}

	private GovCloudPrincipal supplierPrincipal() {
		return new GovCloudPrincipal(UUID.randomUUID(), "operator", "Operator", this.supplier, "Supplier",
				OrganizationKind.SUPPLIER, Set.of(Role.SUPPLIER_OPERATOR), false);
	}

}
