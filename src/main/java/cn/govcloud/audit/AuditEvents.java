package cn.govcloud.audit;

import java.util.Optional;

import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Page;

import org.springframework.stereotype.Service;

/**
 * Reading the audit trail (C15). Only the audit administrator reads it: the pages and the
 * API that call this check the role.
 */
@Service
class AuditEvents {

	private final AuditEventRepository repository;

	AuditEvents(AuditEventRepository repository) {
		this.repository = repository;
	}

	/**
	 * Matching records in {@code sort}'s order ({@code field,asc|desc}; null: newest
	 * first).
	 * @throws InvalidInputException naming {@code sort} for a field the list cannot sort
	 * by
	 */
	public Page<AuditRecord> search(AuditFilter filter, String sort, int page, int size) {
		Page.Request request = Page.request(page, size, AuditEventRepository.SORTABLE.parse(sort));
		return request.of(this.repository.search(filter, AuditEventRepository.SORTABLE.orderBy(request.order()),
				request.offset(), request.size()), this.repository.count(filter));
	}

	/** The record at {@code seq}, if there is one. */
	public Optional<AuditRecord> find(long seq) {
		return this.repository.find(seq);
	}

}
