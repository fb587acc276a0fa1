/**
 * Finance (Art. 18; PRODUCT C13): the finance bureau budgets each unit's IT spending from
 * its use of the platform. Per unit and year, and for the city: resources held,
 * contracted and paid fees, measured utilisation, fees per vCPU actually used and next
 * year's committed cost, year against year; a chart and an Excel workbook for the budget
 * round. It reads the other modules through their APIs (ADR 0016) and shows aggregates
 * and contract totals only: no addresses, documents or technical details.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Finance")
package cn.govcloud.finance;
