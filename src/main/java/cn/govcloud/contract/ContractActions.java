package cn.govcloud.contract;

import java.util.UUID;

import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;

import org.springframework.stereotype.Component;

/** The steps after drafting, for API and pages alike: filing, amendments, payments. */
@Component
class ContractActions {

	private final Filing filing;

	private final Amendments amendments;

	private final Payments payments;

	private final ContractReader reader;

	private final DataScopes scopes;

	ContractActions(Filing filing, Amendments amendments, Payments payments, ContractReader reader, DataScopes scopes) {
		this.filing = filing;
		this.amendments = amendments;
		this.payments = payments;
		this.reader = reader;
		this.scopes = scopes;
	}

	Contract file(UUID id) {
		DataScope scope = this.scopes.current();
		return this.reader.find(scope, this.filing.file(scope, id));
	}

	Contract returnToUnit(UUID id, String reason) {
		DataScope scope = this.scopes.current();
		return this.reader.find(scope, this.filing.returnToUnit(scope, id, reason));
	}

	Contract amend(UUID id, AmendmentForm form) {
		DataScope scope = this.scopes.current();
		return this.reader.find(scope, this.amendments.amend(scope, id, form));
	}

	Contract pay(UUID id, PaymentForm form) {
		DataScope scope = this.scopes.current();
		this.payments.record(scope, id, form);
		return this.reader.find(scope, id);
	}

}
