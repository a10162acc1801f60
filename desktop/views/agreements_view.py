"""协议储备: agreements with enterprises holding stock or capacity for the county — the list with
expiry reminders, and for the selected agreement its lines, checks, call-ups and fee by quarter. The
dialogs to add or edit an agreement, record a check and call stock up are in
``desktop/dialogs/agreement_dialogs.py``."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter,
                               QTableView, QTabWidget, QVBoxLayout, QWidget)

from desktop import context as flags
from desktop import style
from desktop.context import DesktopContext
from desktop.dialogs.agreement_dialogs import GREY, SHORT_FG, AgreementDialog, CallUpDialog, CheckDialog
from desktop.formatting import date_text, joined, local_time_text, message_label, money_text, number_text, with_note
from desktop.interaction import interaction
from desktop.export_table import add_export_action
from desktop.table_models.row_model import (CENTER, RIGHT, ROW_ROLE, SORT_ROLE, Column, RowTableModel,
                                            configure_table, restore_columns)
from desktop.views.registry import ViewSpec
from models.errors import DomainError
from models.schema.agreements import AgreementState
from models.services import agreements as svc


class AgreementFilter(QSortFilterProxyModel):
    """Text search plus a state filter ("expiring" means active and ending within 90 days)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.text = ""
        self.state = ""

    def set_filter(self, text: str, state: str) -> None:
        self.beginFilterChange()
        self.text, self.state = text.strip().lower(), state
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        row: svc.AgreementRow | None = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
        if row is None:
            return False
        if self.state == "expiring" and not row.expiring:
            return False
        if self.state and self.state != "expiring" and row.state.value != self.state:
            return False
        return not self.text or any(self.text in v.lower() for v in (row.number, row.enterprise, row.credit_code,
                                                                     row.contact, row.storage_place))


class AgreementsView(QWidget):
    def __init__(self, dctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dctx = dctx
        self.detail: svc.AgreementDetail | None = None
        self._build()
        dctx.changed.connect(self._on_changed)
        self.refresh()

    # ------------------------------------------------------------ layout
    def _build(self) -> None:
        self.model = RowTableModel([
            Column(self.tr("协议编号"), lambda r: r.number, width=130),
            Column(self.tr("代储企业"), lambda r: r.enterprise, width=190),
            Column(self.tr("类型"), lambda r: message_label(r.agreement_type.label), align=CENTER, width=70),
            Column(self.tr("开始日期"), lambda r: date_text(r.start_date), align=CENTER, width=90),
            Column(self.tr("结束日期"), lambda r: date_text(r.end_date), align=CENTER, width=90),
            Column(self.tr("剩余天数"), lambda r: str(r.days_to_end) if r.state is AgreementState.ACTIVE else "",
                   lambda r: r.days_to_end, RIGHT, 70),
            Column(self.tr("响应时限"), lambda r: self.tr("%1 小时").replace("%1", str(r.response_hours)) if r.response_hours else "—",
                   lambda r: r.response_hours or 0, RIGHT, 70),
            Column(self.tr("年费用"), lambda r: money_text(r.annual_fee), lambda r: float(r.annual_fee), RIGHT, 100),
            Column(self.tr("状态"), self._state_text, align=CENTER, width=135),
            Column(self.tr("最近核查"), lambda r: date_text(r.last_check_date) or self.tr("未核查"),
                   lambda r: date_text(r.last_check_date), CENTER, 90),
            Column(self.tr("联系人"), lambda r: f"{r.contact} {r.phone}".strip()),
        ], self, background=self._row_background, foreground=self._row_foreground)
        self.proxy = AgreementFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        configure_table(self.table, "agreements")
        add_export_action(self.table, self.tr("代储协议"))
        self.table.setModel(self.proxy)
        self.table.sortByColumn(4, Qt.AscendingOrder)
        restore_columns(self.table, "agreements", self.model.default_widths())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.table.doubleClicked.connect(lambda _i: self.edit_agreement())

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索：协议编号、企业、信用代码、联系人、存放地点"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_filter)
        self.state_filter = QComboBox(self)
        for text, value in ((self.tr("全部状态"), ""), (self.tr("90 天内到期"), "expiring"), (self.tr("有效"), "active"),
                            (self.tr("草稿"), "draft"), (self.tr("已到期"), "expired"), (self.tr("已终止"), "terminated")):
            self.state_filter.addItem(text, value)
        self.state_filter.currentIndexChanged.connect(self._apply_filter)

        self.reminders = QLabel(self)
        self.reminders.setWordWrap(True)
        self.reminders.setTextFormat(Qt.RichText)

        self.buttons: dict[str, QPushButton] = {}
        bar1, bar2 = QHBoxLayout(), QHBoxLayout()
        bar1.addWidget(self.search, 1)
        bar1.addWidget(self.state_filter)
        for key, text, icon, slot, bar in (
            ("add", self.tr("新增协议"), "add", self.add_agreement, bar1),
            ("edit", self.tr("编辑"), "edit", self.edit_agreement, bar1),
            ("activate", self.tr("生效"), "", self.activate, bar1),
            ("renew", self.tr("续签"), "", self.renew, bar1),
            ("terminate", self.tr("终止"), "", self.terminate, bar1),
            ("check", self.tr("记录核查"), "", self.record_check, bar2),
            ("call_up", self.tr("动用"), "", self.call_up, bar2),
            ("replenish", self.tr("补库"), "", self.replenish, bar2),
            ("pdf", self.tr("打印摘要"), "", lambda: self.print_summary(), bar2),
            ("xlsx", self.tr("导出 Excel"), "", lambda: self.export_excel(), bar2),
        ):
            button = QPushButton(style.icon(icon), text, self)
            button.clicked.connect(slot)
            self.buttons[key] = button
            bar.addWidget(button)
        bar2.insertStretch(0, 1)

        self.tabs = QTabWidget(self)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.RichText)
        self.info.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.info.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.lines_model = RowTableModel([
            Column(self.tr("物资编码"), lambda r: r.item_code),
            Column(self.tr("物资名称"), lambda r: r.item_name),
            Column(self.tr("单位"), lambda r: r.unit, align=CENTER),
            Column(self.tr("协议数量"), lambda r: number_text(r.guaranteed), lambda r: float(r.guaranteed), RIGHT),
            Column(self.tr("最低数量"), lambda r: number_text(r.minimum), lambda r: float(r.minimum), RIGHT),
            Column(self.tr("最近核查"), lambda r: date_text(r.last_check_date) or self.tr("未核查"), None, CENTER),
            Column(self.tr("实查数量"), lambda r: number_text(r.last_found), lambda r: float(r.last_found or -1), RIGHT),
            Column(self.tr("短缺"), lambda r: number_text(r.shortfall) if r.shortfall else "", lambda r: float(r.shortfall), RIGHT),
            Column(self.tr("待补库"), lambda r: number_text(r.outstanding), lambda r: float(r.outstanding), RIGHT),
            Column(self.tr("可动用"), lambda r: number_text(r.available), lambda r: float(r.available), RIGHT),
        ], self, foreground=lambda r: SHORT_FG if r.shortfall > 0 else None)
        self.checks_model = RowTableModel([
            Column(self.tr("核查日期"), lambda r: date_text(r.check_date), align=CENTER),
            Column(self.tr("核查人"), lambda r: r.checked_by),
            Column(self.tr("实查数量"), lambda r: joined((f"{c} {number_text(q)}" for c, q in r.found.items()), "；"), width=360),
            Column(self.tr("短缺比例"), lambda r: f"{r.shortfall_share * 100:.1f}%", lambda r: float(r.shortfall_share), RIGHT),
            Column(self.tr("备注"), lambda r: r.remarks),
        ], self, foreground=lambda r: SHORT_FG if r.shortfall_share > 0 else None)
        self.calls_model = RowTableModel([
            Column(self.tr("动用时间"), lambda r: local_time_text(r.called_at), lambda r: r.called_at.isoformat(), CENTER, 130),
            Column(self.tr("物资"), lambda r: f"{r.item_code} {r.item_name}"),
            Column(self.tr("数量"), lambda r: number_text(r.quantity), lambda r: float(r.quantity), RIGHT),
            Column(self.tr("已补库"), lambda r: number_text(r.replenished), lambda r: float(r.replenished), RIGHT),
            Column(self.tr("待补库"), lambda r: number_text(r.outstanding), lambda r: float(r.outstanding), RIGHT),
            Column(self.tr("调拨单号"), lambda r: r.dispatch_order_number),
            Column(self.tr("响应截止"), lambda r: local_time_text(r.response_deadline),
                   lambda r: r.response_deadline.isoformat() if r.response_deadline else "", CENTER, 130),
            Column(self.tr("备注"), lambda r: r.remarks),
        ], self)
        self.fees_model = RowTableModel([
            Column(self.tr("季度"), lambda r: self.tr("%1年第%2季度").replace("%1", str(r.year)).replace("%2", str(r.quarter)),
                   lambda r: r.year * 10 + r.quarter),
            Column(self.tr("计费期间"), lambda r: f"{r.period_start} — {r.period_end}", width=200),
            Column(self.tr("基本费用"), lambda r: money_text(r.base_fee), lambda r: float(r.base_fee), RIGHT),
            Column(self.tr("短缺比例"), lambda r: f"{r.shortfall_share * 100:.1f}%", lambda r: float(r.shortfall_share), RIGHT),
            Column(self.tr("扣减"), lambda r: money_text(r.deduction), lambda r: float(r.deduction), RIGHT),
            Column(self.tr("应付"), lambda r: money_text(r.due), lambda r: float(r.due), RIGHT),
            Column(self.tr("依据核查"), lambda r: date_text(r.check_date), None, CENTER),
        ], self, foreground=lambda r: SHORT_FG if r.deduction > 0 else None)
        self.detail_tables: dict[str, QTableView] = {}
        for key, model, title in (("lines", self.lines_model, self.tr("物资明细")), ("checks", self.checks_model, self.tr("核查记录")),
                                  ("calls", self.calls_model, self.tr("动用与补库")), ("fees", self.fees_model, self.tr("分季度费用"))):
            proxy = QSortFilterProxyModel(self)
            proxy.setSortRole(SORT_ROLE)
            proxy.setSourceModel(model)
            view = QTableView(self)
            configure_table(view, f"agreement_{key}")
            add_export_action(view, title, self.tr("代储协议-%1.xlsx").replace("%1", title))
            view.setModel(proxy)
            restore_columns(view, f"agreement_{key}", model.default_widths())
            self.detail_tables[key] = view
            self.tabs.addTab(view, title)
        self.tabs.addTab(self.info, self.tr("协议信息"))

        splitter = QSplitter(Qt.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("协议储备"), self)
        title.setProperty("role", "title")
        layout.addWidget(title)
        layout.addWidget(self.reminders)
        layout.addLayout(bar1)
        layout.addLayout(bar2)
        layout.addWidget(splitter, 1)

    def _state_text(self, row: svc.AgreementRow) -> str:
        if row.expiring:
            return self.tr("有效（%1 天后到期）").replace("%1", str(row.days_to_end))
        if row.state is AgreementState.ACTIVE and row.start_date > self.dctx.service.today():
            return self.tr("有效（未开始）")
        return message_label(row.state.label)

    @staticmethod
    def _row_background(row: svc.AgreementRow):
        return style.DUE_BG if row.expiring else None

    @staticmethod
    def _row_foreground(row: svc.AgreementRow):
        if row.expiring:
            return style.DUE_FG
        if row.state in (AgreementState.EXPIRED, AgreementState.TERMINATED):
            return GREY
        return None

    # ------------------------------------------------------------ data
    def refresh(self) -> None:
        number = self.selected_number()
        ctx = self.dctx.service
        self.model.set_rows(svc.list_agreements(ctx))
        expiring = svc.expiring_agreements(ctx)
        overdue = svc.checks_overdue(ctx)
        short = svc.shortfall_lines(ctx)
        parts = []
        if expiring:
            parts.append(self.tr("<b style='color:#b07000'>%1 份协议 90 天内到期</b>：%2").replace("%1", str(len(expiring)))
                         .replace("%2", joined(self.tr("%1（%2）").replace("%1", r.number).replace("%2", date_text(r.end_date))
                                             for r in expiring)))
        if overdue:
            parts.append(self.tr("<b style='color:#b07000'>%1 份协议核查逾期</b>：%2").replace("%1", str(len(overdue)))
                         .replace("%2", joined(self.tr("%1（应于 %2 前核查）").replace("%1", o.number)
                                                 .replace("%2", date_text(o.due_date)) for o in overdue)))
        if short:
            parts.append(self.tr("<b style='color:#b03020'>%1 种物资最近核查低于最低数量</b>：%2").replace("%1", str(len(short)))
                         .replace("%2", joined(self.tr("%1 %2 短缺 %3 %4").replace("%1", s.number).replace("%2", s.item_name)
                                                 .replace("%3", number_text(s.shortfall)).replace("%4", s.unit)
                                                 for s in short)))
        self.reminders.setText("<br>".join(parts) if parts else self.tr("没有需要提醒的协议。"))
        self._apply_filter()
        self.select(number or self._first_current())
        self._show_selected()

    def _apply_filter(self) -> None:
        self.proxy.set_filter(self.search.text(), self.state_filter.currentData() or "")
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.selectRow(0)

    def _first_current(self) -> str | None:
        """The agreement to show first: the first one in force, else the first listed."""
        rows = [self.proxy.index(r, 0).data(ROW_ROLE) for r in range(self.proxy.rowCount())]
        current = next((r for r in rows if r.state is AgreementState.ACTIVE), rows[0] if rows else None)
        return current.number if current else None

    def select(self, number: str | None) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ROW_ROLE).number == number:
                self.table.selectRow(row)
                return

    def selected_number(self) -> str | None:
        index = self.table.currentIndex()
        row = index.siblingAtColumn(0).data(ROW_ROLE) if index.isValid() else None
        return row.number if row else None

    def _show_selected(self) -> None:
        number = self.selected_number()
        self.detail = svc.agreement_detail(self.dctx.service, number) if number else None
        d = self.detail
        self.lines_model.set_rows(d.lines if d else [])
        self.checks_model.set_rows(d.checks if d else [])
        self.calls_model.set_rows(d.call_ups if d else [])
        self.fees_model.set_rows(d.fees if d else [])
        self.info.setText(self._info_html(d) if d else "")
        state = d.row.state if d else None
        active = state is AgreementState.ACTIVE
        enabled = {"edit": state in (AgreementState.DRAFT, AgreementState.ACTIVE), "activate": state is AgreementState.DRAFT,
                   "renew": d is not None and state is not AgreementState.DRAFT and not d.renewed_by,
                   "terminate": state in (AgreementState.DRAFT, AgreementState.ACTIVE),
                   "check": state is not None and state is not AgreementState.DRAFT, "call_up": active,
                   "replenish": bool(d and any(c.outstanding > 0 for c in d.call_ups)), "pdf": d is not None}
        for key, on in enabled.items():
            self.buttons[key].setEnabled(bool(on))

    def _info_html(self, d: svc.AgreementDetail) -> str:
        r = d.row
        rows = [
            (self.tr("代储企业"), with_note(r.enterprise, r.credit_code)), (self.tr("企业地址"), d.address),
            (self.tr("联系人"), f"{r.contact} {r.phone}"), (self.tr("储备类别"), d.reserve_kind),
            (self.tr("存放地点"), r.storage_place), (self.tr("费用规则"), d.fee_rules),
            (self.tr("轮换责任"), d.rotation_duty), (self.tr("合同扫描件"), d.contract_path),
            (self.tr("续签关系"), self.tr("前序：%1；后续：%2").replace("%1", joined(d.history) or "—")
             .replace("%2", d.renewed_by or "—")),
        ]
        if d.terminated_on:
            rows.append((self.tr("终止"), f"{d.terminated_on} {d.termination_reason}"))
        return "<table cellpadding='3'>" + "".join(
            f"<tr><td style='color:#5b6670'>{k}</td><td>{v or '—'}</td></tr>" for k, v in rows) + "</table>"

    def _on_changed(self, changed: frozenset) -> None:
        if changed & {flags.AGREEMENTS, flags.CATALOG}:
            self.refresh()

    # ------------------------------------------------------------ actions
    def _run(self, title: str, action) -> bool:
        try:
            action()
        except DomainError as error:
            interaction.error(self, title, error.message)
            return False
        self.dctx.notify(flags.AGREEMENTS)
        return True

    def add_agreement(self) -> None:
        number = AgreementDialog.run(self.dctx, self)
        if number:
            self.select(number)

    def edit_agreement(self) -> None:
        number = self.selected_number()
        if number and self.buttons["edit"].isEnabled():
            AgreementDialog.run(self.dctx, self, number)

    def activate(self) -> None:
        number = self.selected_number()
        if number and interaction.confirm(self, self.tr("协议生效"), self.tr("确认协议“%1”生效？生效后即计入可动用储备。").replace("%1", number)):
            self._run(self.tr("协议生效"), lambda: svc.activate_agreement(self.dctx.service, number))

    def terminate(self) -> None:
        number = self.selected_number()
        if not number:
            return
        reason = interaction.ask_text(self, self.tr("终止协议"), self.tr("终止协议“%1”的原因：").replace("%1", number))
        if reason is not None:
            self._run(self.tr("终止协议"), lambda: svc.terminate_agreement(self.dctx.service, number, reason))

    def renew(self) -> None:
        number = self.selected_number()
        if not number:
            return
        new_number = interaction.ask_text(self, self.tr("续签协议"), self.tr("续签“%1”，新协议编号：").replace("%1", number))
        if new_number and self._run(self.tr("续签协议"), lambda: svc.renew_agreement(self.dctx.service, number, new_number)):
            self.select(new_number.strip())

    def record_check(self) -> None:
        if self.detail is not None:
            CheckDialog(self.dctx, self.detail, self).exec()

    def call_up(self) -> None:
        if self.detail is not None:
            CallUpDialog(self.dctx, self.detail, self).exec()

    def replenish(self) -> None:
        """补库 against the call-up selected in 动用与补库 (or the oldest outstanding one)."""
        if self.detail is None:
            return
        view = self.detail_tables["calls"]
        index = view.currentIndex()
        call = index.siblingAtColumn(0).data(ROW_ROLE) if index.isValid() else None
        if call is None or call.outstanding <= 0:
            call = next((c for c in reversed(self.detail.call_ups) if c.outstanding > 0), None)
        if call is None:
            return
        text = interaction.ask_text(self, self.tr("补库"), self.tr("%1 动用的 %2 还需补库 %3，本次补库数量：")
                                    .replace("%1", local_time_text(call.called_at)).replace("%2", call.item_name)
                                    .replace("%3", f"{number_text(call.outstanding)} {call.unit}"),
                                    format(call.outstanding.normalize(), "f"))
        if text is not None:
            self._run(self.tr("补库"), lambda: svc.replenish(self.dctx.service, call.call_up_id, text))

    def print_summary(self, path: str | None = None) -> str | None:
        if self.detail is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("保存协议摘要"), f"{self.detail.row.number}.pdf", "PDF (*.pdf)")
        if not path:
            return None
        from models.documents.agreement_pdf import write_agreement_pdf

        write_agreement_pdf(self.detail, path, printed_on=self.dctx.service.today())
        interaction.information(self, self.tr("打印摘要"), self.tr("已生成协议摘要：%1").replace("%1", path))
        return path

    def export_excel(self, path: str | None = None) -> str | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("导出协议清单"), self.tr("储备协议清单.xlsx"), "Excel (*.xlsx)")
        if not path:
            return None
        from models.documents.agreements_xlsx import write_agreements_xlsx

        ctx = self.dctx.service
        write_agreements_xlsx([svc.agreement_detail(ctx, row.number) for row in self.model.rows()], path)
        interaction.information(self, self.tr("导出 Excel"), self.tr("已导出协议清单：%1").replace("%1", path))
        return path


VIEW_SPEC = ViewSpec(key="agreements", title="协议储备", order=80, factory=AgreementsView, icon="documents")
