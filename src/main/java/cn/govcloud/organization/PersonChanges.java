package cn.govcloud.organization;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Where a change to a person's account goes: into the audit trail and, when other modules
 * must act on it (e.g. withdraw the person's API tokens), out as an event within the same
 * transaction.
 */
@Component
class PersonChanges {

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	PersonChanges(AuditTrail audit, ApplicationEventPublisher events) {
		this.audit = audit;
		this.events = events;
	}

	void record(String action, String target) {
		this.audit.record(action, target, AuditOutcome.SUCCESS);
	}

	void record(String action, String target, String detail) {
		this.audit.record(action, target, AuditOutcome.SUCCESS, detail);
	}

	void publish(Object event) {
		this.events.publishEvent(event);
	}

}
