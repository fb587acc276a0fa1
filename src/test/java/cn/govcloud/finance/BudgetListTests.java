package cn.govcloud.finance;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Page;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BudgetListTests {

	private final List<UnitBudget> units = List.of(unit("甲", "300.00", 20.0), unit("乙", "100.00", null),
			unit("丙", "200.00", 5.0));

	@Test
	void sortsByAFieldBothWaysWithNoDataLastEitherWay() {
		assertThat(names(BudgetList.page(this.units, "fees,desc", 0, 20))).containsExactly("甲", "丙", "乙");
		assertThat(names(BudgetList.page(this.units, "fees", 0, 20))).containsExactly("乙", "丙", "甲");
		assertThat(names(BudgetList.page(this.units, "cpuAvg,asc", 0, 20))).containsExactly("丙", "甲", "乙");
		assertThat(names(BudgetList.page(this.units, "cpuAvg,desc", 0, 20))).containsExactly("甲", "丙", "乙");
	}

	@Test
	void unitNamesKeepTheDirectoryOrderOrItsReverseAndPagesAreBounded() {
		assertThat(names(BudgetList.page(this.units, null, 0, 20))).containsExactly("甲", "乙", "丙");
		assertThat(names(BudgetList.page(this.units, "unitName,desc", 0, 20))).containsExactly("丙", "乙", "甲");
		Page<UnitBudget> second = BudgetList.page(this.units, "fees,desc", 1, 2);
		assertThat(names(second)).containsExactly("乙");
		assertThat(second.total()).isEqualTo(3);
		assertThat(second.sort()).isEqualTo("fees,desc");
		assertThat(BudgetList.page(this.units, null, 99, 20).items()).isEmpty();
	}

	@Test
	void anUnknownFieldIsRefusedNamingSort() {
		assertThatThrownBy(() -> BudgetList.page(this.units, "address", 0, 20))
			.isInstanceOf(InvalidInputException.class)
			.satisfies((ex) -> assertThat(((InvalidInputException) ex).problems().get(0).field()).isEqualTo("sort"));
	}

	private static List<String> names(Page<UnitBudget> page) {
		return page.items().stream().map(UnitBudget::unitName).toList();
	}

	private static UnitBudget unit(String name, String fees, Double cpu) {
		BigDecimal amount = new BigDecimal(fees);
		return new UnitBudget(UUID.randomUUID(), name, List.of(), 0, 0, 0, amount, BigDecimal.ZERO, amount,
				BigDecimal.ZERO, BigDecimal.ZERO, null, cpu, cpu, null, null, null, List.of());
	}

}
