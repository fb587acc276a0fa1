package cn.govcloud.audit;

import java.util.Optional;

import cn.govcloud.shared.Page;

import org.springframework.stereotype.Service;

/**
 * Reading the audit trail (C15). Only the audit administrator reads it: the pages and the
 * API that call this check the role.
 */
@Service
public class AuditEvents {

	private final AuditEventRepository repository;

	AuditEvents(AuditEventRepository repository) {
		this.repository = repository;
	}

	/** Matching records, newest first. */
	public Page<AuditRecord> search(AuditFilter filter, int page, int size) {
		Page.Request request = Page.request(page, size);
		return new Page<>(this.repository.search(filter, request.offset(), request.size()), request.page(),
				request.size(), this.repository.count(filter));
	}

	/** The record at {@code seq}, if there is one. */
	public Optional<AuditRecord> find(long seq) {
		return this.repository.find(seq);
	}

}
