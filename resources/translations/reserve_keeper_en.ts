<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>文泉驿微米黑 WenQuanYi Micro Hei — Apache-2.0 或 GPLv3（含字体例外）</source>
        <translation>WenQuanYi Micro Hei — Apache-2.0 or GPLv3 (with font exception)</translation>
    </message>
    <message>
        <source>关于储备管家</source>
        <translation>About ReserveKeeper</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;font-size:18pt&apos;&gt;储备管家&lt;/b&gt;&lt;br&gt;ReserveKeeper&lt;br&gt;应急物资储备管理 · Emergency-supplies reserve management</source>
        <translation>&lt;b style=&apos;font-size:18pt&apos;&gt;ReserveKeeper&lt;/b&gt;&lt;br&gt;Emergency-supplies reserve management</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>许可证</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>字体</source>
        <translation>Font</translation>
    </message>
    <message>
        <source>（未打开）</source>
        <translation>(not open)</translation>
    </message>
    <message>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>日志文件夹</source>
        <translation>Log folder</translation>
    </message>
    <message>
        <source>运行环境</source>
        <translation>Environment</translation>
    </message>
    <message>
        <source>打开数据文件夹</source>
        <translation>Open the data folder</translation>
    </message>
    <message>
        <source>打开日志文件夹</source>
        <translation>Open the log folder</translation>
    </message>
</context>
<context>
    <name>AdequacyView</name>
    <message>
        <source>需求项</source>
        <translation>Needs</translation>
    </message>
    <message>
        <source>正在计算…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>需求量</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>政府实物</source>
        <translation>Government stock</translation>
    </message>
    <message>
        <source>协议储备</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>产能储备</source>
        <translation>Capacity reserve</translation>
    </message>
    <message>
        <source>可用合计</source>
        <translation>Total available</translation>
    </message>
    <message>
        <source>缺口</source>
        <translation>Gap</translation>
    </message>
    <message>
        <source>保障率</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <source>政府占比</source>
        <translation>Government share</translation>
    </message>
    <message>
        <source>可保障天数</source>
        <translation>Days of supply</translation>
    </message>
    <message>
        <source>评估情景</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>安置人数</source>
        <translation>People sheltered</translation>
    </message>
    <message>
        <source>保障天数</source>
        <translation>Days covered</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <source> 小时</source>
        <translation> hours</translation>
    </message>
    <message>
        <source>定额标准</source>
        <translation>Standards</translation>
    </message>
    <message>
        <source>统计范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>评估日期</source>
        <translation>Assessment date</translation>
    </message>
    <message>
        <source>协议响应时间</source>
        <translation>Agreed response time</translation>
    </message>
    <message>
        <source>储备能力评估</source>
        <translation>Adequacy</translation>
    </message>
    <message>
        <source>各需求项保障率</source>
        <translation>Coverage by need</translation>
    </message>
    <message>
        <source>查看库存分布…</source>
        <translation>Show stock distribution…</translation>
    </message>
    <message>
        <source>导出汛前检查 PDF…</source>
        <translation>Export pre-flood-season check PDF…</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>全部储备库</source>
        <translation>All stores</translation>
    </message>
    <message>
        <source>%1储备库</source>
        <translation>%1 stores</translation>
    </message>
    <message>
        <source>%1%2（含下辖）</source>
        <translation>%1%2 (including subordinate areas)</translation>
    </message>
    <message>
        <source>%1 人 × %2 天（%3 至 %4），%5：%6 项需求中 %7 项满足。</source>
        <translation>%1 people × %2 days (%3 to %4), %5: %7 of %6 needs met.</translation>
    </message>
    <message>
        <source>最薄弱：%1（%2）。</source>
        <translation> Weakest: %1 (%2).</translation>
    </message>
    <message>
        <source>政府实物占比不足 50%：%1。</source>
        <translation> Government physical stock is below 50%: %1.</translation>
    </message>
    <message>
        <source>不足 50%</source>
        <translation>Below 50%</translation>
    </message>
    <message>
        <source>50%–100%</source>
        <translation>50%–100%</translation>
    </message>
    <message>
        <source>满足</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>100% 线</source>
        <translation>100% line</translation>
    </message>
    <message>
        <source>库存分布</source>
        <translation>Stock distribution</translation>
    </message>
    <message>
        <source>保存汛前检查报告</source>
        <translation>Save pre-flood-season report</translation>
    </message>
    <message>
        <source>汛前检查报告.pdf</source>
        <translation>pre-flood-season-report.pdf</translation>
    </message>
    <message>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>已生成汛前检查报告：%1</source>
        <translation>Pre-flood-season report written: %1</translation>
    </message>
    <message>
        <source>导出汛前检查</source>
        <translation>Export pre-flood-season check</translation>
    </message>
    <message>
        <source>汛前检查报告.xlsx</source>
        <translation>pre-flood-season-report.xlsx</translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>已导出汛前检查工作簿：%1</source>
        <translation>Pre-flood-season workbook exported: %1</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>管理员密码</source>
        <translation>Administrator password</translation>
    </message>
    <message>
        <source>为管理员 admin 设置登录密码（至少 8 个字符），请妥善保管。</source>
        <translation>Set the sign-in password of the administrator admin (at least 8 characters) and keep it safe.</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>再次输入</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>编辑储备协议</source>
        <translation>Edit reserve agreement</translation>
    </message>
    <message>
        <source>新增储备协议</source>
        <translation>New reserve agreement</translation>
    </message>
    <message>
        <source>协议编号</source>
        <translation>Agreement no.</translation>
    </message>
    <message>
        <source>代储企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>企业地址</source>
        <translation>Enterprise address</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>储备类别</source>
        <translation>Reserve type</translation>
    </message>
    <message>
        <source>协议类型</source>
        <translation>Agreement type</translation>
    </message>
    <message>
        <source>实物代储</source>
        <translation>Physical storage by enterprise</translation>
    </message>
    <message>
        <source>产能储备</source>
        <translation>Capacity reserve</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>存放地点</source>
        <translation>Storage place</translation>
    </message>
    <message>
        <source>响应时限（小时）</source>
        <translation>Response time (hours)</translation>
    </message>
    <message>
        <source>年费用（元）</source>
        <translation>Annual fee (yuan)</translation>
    </message>
    <message>
        <source>费用规则</source>
        <translation>Fee rules</translation>
    </message>
    <message>
        <source>轮换责任（企业）</source>
        <translation>Rotation duty (enterprise)</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>合同扫描件</source>
        <translation>Scanned contract</translation>
    </message>
    <message>
        <source>物资编码</source>
        <translation>Item code</translation>
    </message>
    <message>
        <source>物资名称</source>
        <translation>Item name</translation>
    </message>
    <message>
        <source>协议数量</source>
        <translation>Agreed quantity</translation>
    </message>
    <message>
        <source>最低数量</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>物资明细</source>
        <translation>Item lines</translation>
    </message>
    <message>
        <source>添加一行</source>
        <translation>Add a line</translation>
    </message>
    <message>
        <source>删除选中行</source>
        <translation>Delete selected row</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>选择合同扫描件</source>
        <translation>Choose the scanned contract</translation>
    </message>
    <message>
        <source>扫描件 (*.pdf *.jpg *.png);;所有文件 (*)</source>
        <translation>Scans (*.pdf *.jpg *.png);;All files (*)</translation>
    </message>
    <message>
        <source>（目录中没有）</source>
        <translation>(not in the catalogue)</translation>
    </message>
</context>
<context>
    <name>AgreementsView</name>
    <message>
        <source>代储协议</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>有效（%1 天后到期）</source>
        <translation>In force (ends in %1 days)</translation>
    </message>
    <message>
        <source>有效（未开始）</source>
        <translation>In force (not started)</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#b07000&apos;&gt;%1 份协议 90 天内到期&lt;/b&gt;：%2</source>
        <translation>&lt;b style=&apos;color:#b07000&apos;&gt;%1 agreements end within 90 days&lt;/b&gt;: %2</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#b07000&apos;&gt;%1 份协议核查逾期&lt;/b&gt;：%2</source>
        <translation>&lt;b style=&apos;color:#b07000&apos;&gt;%1 agreements are overdue for a check&lt;/b&gt;: %2</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#b03020&apos;&gt;%1 种物资最近核查低于最低数量&lt;/b&gt;：%2</source>
        <translation>&lt;b style=&apos;color:#b03020&apos;&gt;%1 items were below their minimum at the last check&lt;/b&gt;: %2</translation>
    </message>
    <message>
        <source>没有需要提醒的协议。</source>
        <translation>No agreements need attention.</translation>
    </message>
    <message>
        <source>代储企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>企业地址</source>
        <translation>Enterprise address</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>协议编号</source>
        <translation>Agreement no.</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>剩余天数</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>响应时限</source>
        <translation>Response time</translation>
    </message>
    <message>
        <source>%1 小时</source>
        <translation>%1 hours</translation>
    </message>
    <message>
        <source>年费用</source>
        <translation>Annual fee</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>最近核查</source>
        <translation>Last check</translation>
    </message>
    <message>
        <source>未核查</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <source>搜索：协议编号、企业、信用代码、联系人、存放地点</source>
        <translation>Search: agreement no., enterprise, credit code, contact, storage place</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>90 天内到期</source>
        <translation>Expiring within 90 days</translation>
    </message>
    <message>
        <source>有效</source>
        <translation>In force</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>已到期</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>已终止</source>
        <translation>Terminated</translation>
    </message>
    <message>
        <source>新增协议</source>
        <translation>New agreement</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>生效</source>
        <translation>Put into force</translation>
    </message>
    <message>
        <source>续签</source>
        <translation>Renew</translation>
    </message>
    <message>
        <source>记录核查</source>
        <translation>Record check</translation>
    </message>
    <message>
        <source>动用</source>
        <translation>Call up</translation>
    </message>
    <message>
        <source>物资编码</source>
        <translation>Item code</translation>
    </message>
    <message>
        <source>物资名称</source>
        <translation>Item name</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>协议数量</source>
        <translation>Agreed quantity</translation>
    </message>
    <message>
        <source>最低数量</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>实查数量</source>
        <translation>Quantity found</translation>
    </message>
    <message>
        <source>短缺</source>
        <translation>Shortfall</translation>
    </message>
    <message>
        <source>待补库</source>
        <translation>To restock</translation>
    </message>
    <message>
        <source>可动用</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>核查日期</source>
        <translation>Check date</translation>
    </message>
    <message>
        <source>核查人</source>
        <translation>Checked by</translation>
    </message>
    <message>
        <source>短缺比例</source>
        <translation>Shortfall share</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>动用时间</source>
        <translation>Called up at</translation>
    </message>
    <message>
        <source>物资</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>已补库</source>
        <translation>Restocked</translation>
    </message>
    <message>
        <source>调拨单号</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <source>响应截止</source>
        <translation>Response deadline</translation>
    </message>
    <message>
        <source>季度</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>%1年第%2季度</source>
        <translation>Q%2 %1</translation>
    </message>
    <message>
        <source>计费期间</source>
        <translation>Billing period</translation>
    </message>
    <message>
        <source>基本费用</source>
        <translation>Base fee</translation>
    </message>
    <message>
        <source>扣减</source>
        <translation>Deduction</translation>
    </message>
    <message>
        <source>应付</source>
        <translation>Payable</translation>
    </message>
    <message>
        <source>依据核查</source>
        <translation>Based on check</translation>
    </message>
    <message>
        <source>物资明细</source>
        <translation>Item lines</translation>
    </message>
    <message>
        <source>核查记录</source>
        <translation>Checks</translation>
    </message>
    <message>
        <source>动用与补库</source>
        <translation>Call-ups and restocking</translation>
    </message>
    <message>
        <source>分季度费用</source>
        <translation>Quarterly fees</translation>
    </message>
    <message>
        <source>代储协议-%1.xlsx</source>
        <translation>Agreements - %1.xlsx</translation>
    </message>
    <message>
        <source>协议信息</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>协议储备</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1（应于 %2 前核查）</source>
        <translation>%1 (check due by %2)</translation>
    </message>
    <message>
        <source>%1 %2 短缺 %3 %4</source>
        <translation>%1 %2 short by %3 %4</translation>
    </message>
    <message>
        <source>储备类别</source>
        <translation>Reserve type</translation>
    </message>
    <message>
        <source>存放地点</source>
        <translation>Storage place</translation>
    </message>
    <message>
        <source>费用规则</source>
        <translation>Fee rules</translation>
    </message>
    <message>
        <source>轮换责任</source>
        <translation>Rotation duty</translation>
    </message>
    <message>
        <source>合同扫描件</source>
        <translation>Scanned contract</translation>
    </message>
    <message>
        <source>续签关系</source>
        <translation>Renewals</translation>
    </message>
    <message>
        <source>前序：%1；后续：%2</source>
        <translation>Previous: %1; next: %2</translation>
    </message>
    <message>
        <source>终止</source>
        <translation>Terminate</translation>
    </message>
    <message>
        <source>协议生效</source>
        <translation>Put agreement into force</translation>
    </message>
    <message>
        <source>确认协议“%1”生效？生效后即计入可动用储备。</source>
        <translation>Put agreement “%1” into force? It then counts as available reserve.</translation>
    </message>
    <message>
        <source>终止协议</source>
        <translation>Terminate agreement</translation>
    </message>
    <message>
        <source>终止协议“%1”的原因：</source>
        <translation>Reason for terminating agreement “%1”:</translation>
    </message>
    <message>
        <source>续签协议</source>
        <translation>Renew agreement</translation>
    </message>
    <message>
        <source>续签“%1”，新协议编号：</source>
        <translation>Renew “%1”; new agreement number:</translation>
    </message>
    <message>
        <source>补库</source>
        <translation>Restock</translation>
    </message>
    <message>
        <source>%1 动用的 %2 还需补库 %3，本次补库数量：</source>
        <translation>%2 called up on %1 still needs %3 restocked; quantity restocked now:</translation>
    </message>
    <message>
        <source>保存协议摘要</source>
        <translation>Save agreement summary</translation>
    </message>
    <message>
        <source>打印摘要</source>
        <translation>Print summary</translation>
    </message>
    <message>
        <source>已生成协议摘要：%1</source>
        <translation>Agreement summary written: %1</translation>
    </message>
    <message>
        <source>导出协议清单</source>
        <translation>Export agreement list</translation>
    </message>
    <message>
        <source>储备协议清单.xlsx</source>
        <translation>reserve-agreements.xlsx</translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>已导出协议清单：%1</source>
        <translation>Agreement list exported: %1</translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>已知悉，不再提示此条</source>
        <translation>Noted, do not remind again</translation>
    </message>
    <message>
        <source>正在计算…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <source>……另有 %1 条提醒，请在“轮换计划”和“养护检查”中查看</source>
        <translation>…and %1 more alerts: see Rotation plan and Inspections</translation>
    </message>
    <message>
        <source>共 %1 条提醒，其中新提醒 %2 条</source>
        <translation>%1 reminders, %2 of them new</translation>
    </message>
    <message>
        <source>没有需要处理的提醒</source>
        <translation>No reminders to deal with</translation>
    </message>
    <message>
        <source>【新】</source>
        <translation>[New] </translation>
    </message>
    <message>
        <source>确认提醒</source>
        <translation>Acknowledge reminder</translation>
    </message>
</context>
<context>
    <name>AreaDialog</name>
    <message>
        <source>新增行政区</source>
        <translation>New area</translation>
    </message>
    <message>
        <source>上级行政区</source>
        <translation>Parent area</translation>
    </message>
    <message>
        <source>（无，县级）</source>
        <translation>(none: county)</translation>
    </message>
    <message>
        <source>行政区编码</source>
        <translation>Area code</translation>
    </message>
    <message>
        <source>如 320101001</source>
        <translation>e.g. 320101001</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>搜索编号、摘要、修改内容…</source>
        <translation>Search number, summary, changes…</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>选中一行查看修改前后的内容</source>
        <translation>Select a row to see the content before and after the change</translation>
    </message>
    <message>
        <source>加载更多</source>
        <translation>Load more</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>计算机</source>
        <translation>Computer</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>，还有更多</source>
        <translation>, more available</translation>
    </message>
    <message>
        <source>显示 %1 条</source>
        <translation>Showing %1</translation>
    </message>
    <message>
        <source>修改前：</source>
        <translation>Before:</translation>
    </message>
    <message>
        <source>修改后：</source>
        <translation>After:</translation>
    </message>
    <message>
        <source>导出审计日志</source>
        <translation>Export audit log</translation>
    </message>
    <message>
        <source>审计日志-%1.xlsx</source>
        <translation>Audit log %1.xlsx</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export complete</translation>
    </message>
    <message>
        <source>已导出 %1 条到 %2</source>
        <translation>%1 entries exported to %2</translation>
    </message>
</context>
<context>
    <name>BackupStatus</name>
    <message>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>备份文件夹…</source>
        <translation>Backup folder…</translation>
    </message>
    <message>
        <source>更改自动备份保存的文件夹（管理员）</source>
        <translation>Change the folder for automatic backups (administrator)</translation>
    </message>
    <message>
        <source>备份：</source>
        <translation>Backup: </translation>
    </message>
    <message>
        <source>（自动备份失败）</source>
        <translation>(automatic backup failed)</translation>
    </message>
    <message>
        <source>服务器模式：请由管理员在服务器上用 pg_dump 定期备份（见 docs/SERVER.md）。</source>
        <translation>Server mode: the administrator backs up the server regularly with pg_dump (see docs/SERVER.md).</translation>
    </message>
    <message numerus="yes">
        <source>超过 %n 天未备份时显示为黄色。</source>
        <translation>
            <numerusform>Shown in yellow after %n day without a backup.</numerusform>
            <numerusform>Shown in yellow after %n days without a backup.</numerusform>
        </translation>
    </message>
    <message>
        <source>备份数据库</source>
        <translation>Back up the database</translation>
    </message>
    <message>
        <source>数据库文件 (*.db)</source>
        <translation>Database files (*.db)</translation>
    </message>
    <message>
        <source>储备管家备份-%1.db</source>
        <translation>ReserveKeeper backup %1.db</translation>
    </message>
    <message>
        <source>备份失败</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <source>备份完成</source>
        <translation>Backup complete</translation>
    </message>
    <message>
        <source>已备份到 %1</source>
        <translation>Backed up to %1</translation>
    </message>
    <message>
        <source>选择自动备份文件夹</source>
        <translation>Choose the automatic backup folder</translation>
    </message>
    <message>
        <source>备份文件夹</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>今后的自动备份将保存在 %1，保留最近 %2 份。</source>
        <translation>Automatic backups will now be kept in %1, the latest %2 of them.</translation>
    </message>
</context>
<context>
    <name>CallUpDialog</name>
    <message>
        <source>动用协议储备 — %1</source>
        <translation>Call up agreement reserve — %1</translation>
    </message>
    <message>
        <source>物资</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>%1 %2（可动用 %3）</source>
        <translation>%1 %2 (available %3)</translation>
    </message>
    <message>
        <source>动用数量</source>
        <translation>Quantity called up</translation>
    </message>
    <message>
        <source>调拨单号</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>企业响应时限：%1 小时，保存后显示送达截止时间。</source>
        <translation>The enterprise must respond within %1 hours; the delivery deadline is shown after saving.</translation>
    </message>
    <message>
        <source>协议未约定响应时限。</source>
        <translation>The agreement sets no response time.</translation>
    </message>
    <message>
        <source>确认动用</source>
        <translation>Confirm call-up</translation>
    </message>
    <message>
        <source>已动用</source>
        <translation>Called up</translation>
    </message>
    <message>
        <source>已记录动用，企业应在 %1 前送达。</source>
        <translation>Call-up recorded; the enterprise must deliver by %1.</translation>
    </message>
    <message>
        <source>已记录动用。</source>
        <translation>Call-up recorded.</translation>
    </message>
</context>
<context>
    <name>CatalogView</name>
    <message>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>物资编码</source>
        <translation>Item code</translation>
    </message>
    <message>
        <source>物资名称</source>
        <translation>Item name</translation>
    </message>
    <message>
        <source>规格型号</source>
        <translation>Specification</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>保质期（月）</source>
        <translation>Shelf life (months)</translation>
    </message>
    <message>
        <source>轮换提前期（天）</source>
        <translation>Rotation lead time (days)</translation>
    </message>
    <message>
        <source>须回收</source>
        <translation>Returnable</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>单价</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <source>搜索：名称、编码或拼音首字母</source>
        <translation>Search: name, code or pinyin initials</translation>
    </message>
    <message>
        <source>新增物资</source>
        <translation>New item</translation>
    </message>
    <message>
        <source>编辑物资</source>
        <translation>Edit item</translation>
    </message>
    <message>
        <source>新增分类</source>
        <translation>New category</translation>
    </message>
    <message>
        <source>物资目录</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>全部物资（%1）</source>
        <translation>All items (%1)</translation>
    </message>
</context>
<context>
    <name>CategoryDialog</name>
    <message>
        <source>新增分类</source>
        <translation>New category</translation>
    </message>
    <message>
        <source>分类编码</source>
        <translation>Category code</translation>
    </message>
    <message>
        <source>如 101（中类）、10101（小类）</source>
        <translation>e.g. 101 (subclass), 10101 (group)</translation>
    </message>
    <message>
        <source>分类名称</source>
        <translation>Category name</translation>
    </message>
    <message>
        <source>轮换提前期（天）</source>
        <translation>Rotation lead time (days)</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>记录核查 — %1</source>
        <translation>Record check — %1</translation>
    </message>
    <message>
        <source>核查日期</source>
        <translation>Check date</translation>
    </message>
    <message>
        <source>核查人</source>
        <translation>Checked by</translation>
    </message>
    <message>
        <source>物资</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>协议数量</source>
        <translation>Agreed quantity</translation>
    </message>
    <message>
        <source>最低数量</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>实查数量</source>
        <translation>Quantity found</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>保存核查</source>
        <translation>Save check</translation>
    </message>
</context>
<context>
    <name>CountyPage</name>
    <message>
        <source>本县信息</source>
        <translation>Your county</translation>
    </message>
    <message>
        <source>填写本县名称和行政区划代码（6 位数字，如 320101）。</source>
        <translation>Enter the county&apos;s name and its administrative division code (6 digits, e.g. 320101).</translation>
    </message>
    <message>
        <source>县名称</source>
        <translation>County name</translation>
    </message>
    <message>
        <source>如 临江县</source>
        <translation>e.g. Linjiang County</translation>
    </message>
    <message>
        <source>行政区划代码</source>
        <translation>Division code</translation>
    </message>
</context>
<context>
    <name>DataFolderDialog</name>
    <message>
        <source>请选择一个文件夹。</source>
        <translation>Choose a folder.</translation>
    </message>
    <message>
        <source>不能在这个文件夹中保存数据（%1），请换一个文件夹。</source>
        <translation>Data cannot be saved in this folder (%1); choose another folder.</translation>
    </message>
    <message>
        <source>数据保存位置</source>
        <translation>Where the data is kept</translation>
    </message>
    <message>
        <source>储备管家把所有数据保存在一个数据库文件（%1）中。请选择保存位置，以后可在“关于”中查看。</source>
        <translation>ReserveKeeper keeps all its data in one database file (%1). Choose where to keep it; you can see the place later under “About”.</translation>
    </message>
    <message>
        <source>默认位置（推荐）：%1</source>
        <translation>Default place (recommended): %1</translation>
    </message>
    <message>
        <source>其他文件夹：</source>
        <translation>Another folder:</translation>
    </message>
    <message>
        <source>例如 D:\储备管家数据</source>
        <translation>e.g. D:\ReserveKeeper data</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>开始使用</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>选择数据文件夹</source>
        <translation>Choose the data folder</translation>
    </message>
    <message>
        <source>请填写或选择一个文件夹。</source>
        <translation>Enter or choose a folder.</translation>
    </message>
</context>
<context>
    <name>DispatchRequestDialog</name>
    <message>
        <source>新建调拨申请</source>
        <translation>New dispatch request</translation>
    </message>
    <message>
        <source>申请单位</source>
        <translation>Requesting unit</translation>
    </message>
    <message>
        <source>所在行政区</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>（不限，直接由县级储备库供应）</source>
        <translation>(any: supplied straight from the county store)</translation>
    </message>
    <message>
        <source>接收单位</source>
        <translation>Receiving unit</translation>
    </message>
    <message>
        <source>送达地点</source>
        <translation>Delivery place</translation>
    </message>
    <message>
        <source>调拨事由（灾情）</source>
        <translation>Reason (disaster)</translation>
    </message>
    <message>
        <source>指令文号</source>
        <translation>Instruction no.</translation>
    </message>
    <message>
        <source>接收方联系人</source>
        <translation>Receiver&apos;s contact</translation>
    </message>
    <message>
        <source>接收方电话</source>
        <translation>Receiver&apos;s phone</translation>
    </message>
    <message>
        <source>调出方联系人</source>
        <translation>Shipper&apos;s contact</translation>
    </message>
    <message>
        <source>调出方电话</source>
        <translation>Shipper&apos;s phone</translation>
    </message>
    <message>
        <source>运输车辆</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <source>押运人</source>
        <translation>Escort</translation>
    </message>
    <message>
        <source>需归还物资的归还日期</source>
        <translation>Return date of returnable goods</translation>
    </message>
    <message>
        <source>如 2026-07-15；留空则 30 天后</source>
        <translation>e.g. 2026-07-15; empty means in 30 days</translation>
    </message>
    <message>
        <source>紧急调拨</source>
        <translation>Emergency dispatch</translation>
    </message>
    <message>
        <source>先出库、后补审批（48 小时内）</source>
        <translation>Issue now, approve later (within 48 hours)</translation>
    </message>
    <message>
        <source>物资</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>添加一行</source>
        <translation>Add a line</translation>
    </message>
    <message>
        <source>删除所选行</source>
        <translation>Delete selected row</translation>
    </message>
    <message>
        <source>申请物资（可输入编码、名称或拼音首字母）</source>
        <translation>Items requested (type a code, name or pinyin initials)</translation>
    </message>
    <message>
        <source>保存申请</source>
        <translation>Save request</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>第 %1 行：</source>
        <translation>Line %1: </translation>
    </message>
    <message>
        <source>正在保存调拨申请…</source>
        <translation>Saving the dispatch request…</translation>
    </message>
</context>
<context>
    <name>DispatchView</name>
    <message>
        <source>单号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>申请单位</source>
        <translation>Requesting unit</translation>
    </message>
    <message>
        <source>接收单位</source>
        <translation>Receiving unit</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>行数</source>
        <translation>Lines</translation>
    </message>
    <message>
        <source>出库时间</source>
        <translation>Issued at</translation>
    </message>
    <message>
        <source>应还日期</source>
        <translation>Due back</translation>
    </message>
    <message>
        <source>紧急·</source>
        <translation>Emergency·</translation>
    </message>
    <message>
        <source>（审批逾期）</source>
        <translation>(approval overdue)</translation>
    </message>
    <message>
        <source>（待补审批）</source>
        <translation>(approval outstanding)</translation>
    </message>
    <message>
        <source>（归还逾期）</source>
        <translation>(return overdue)</translation>
    </message>
    <message>
        <source>紧急出库已超过 48 小时，审批仍未补办</source>
        <translation>Emergency issue more than 48 hours ago and still not approved</translation>
    </message>
    <message>
        <source>有物资已过归还日期仍未归还</source>
        <translation>Some goods are past their return date and not back</translation>
    </message>
    <message>
        <source>搜索：单号、单位、事由</source>
        <translation>Search: number, unit, reason</translation>
    </message>
    <message>
        <source>新建申请…</source>
        <translation>New request…</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>物资</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>申请</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>来源 / 批次</source>
        <translation>Source / batch</translation>
    </message>
    <message>
        <source>已出库</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>实收</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>损坏</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>待还</source>
        <translation>Outstanding</translation>
    </message>
    <message>
        <source>来源…</source>
        <translation>Sources…</translation>
    </message>
    <message>
        <source>审批</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>出库</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>紧急出库…</source>
        <translation>Emergency issue…</translation>
    </message>
    <message>
        <source>签收…</source>
        <translation>Confirm receipt…</translation>
    </message>
    <message>
        <source>归还…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <source>作废…</source>
        <translation>Cancel order…</translation>
    </message>
    <message>
        <source>冲销…</source>
        <translation>Reverse…</translation>
    </message>
    <message>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <source>调拨单内容</source>
        <translation>Order lines</translation>
    </message>
    <message>
        <source>调拨单</source>
        <translation>Dispatch orders</translation>
    </message>
    <message>
        <source>未完成</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>待审批</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <source>已审批</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>已签收</source>
        <translation>Signed for</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>已冲销</source>
        <translation>Reversed</translation>
    </message>
    <message>
        <source>审批逾期</source>
        <translation>Approval overdue</translation>
    </message>
    <message>
        <source>归还逾期</source>
        <translation>Return overdue</translation>
    </message>
    <message>
        <source>共 %1 张调拨单</source>
        <translation>%1 dispatch orders</translation>
    </message>
    <message>
        <source>，其中 %1 张逾期（红色底色）</source>
        <translation>, %1 of them overdue (red background)</translation>
    </message>
    <message>
        <source>在上面的列表中选择一张调拨单。</source>
        <translation>Choose a dispatch order in the list above.</translation>
    </message>
    <message>
        <source>&#x3000;&lt;span style=&apos;color:#9a1c1c&apos;&gt;紧急调拨&lt;/span&gt;</source>
        <translation>&#x3000;&lt;span style=&apos;color:#9a1c1c&apos;&gt;emergency dispatch&lt;/span&gt;</translation>
    </message>
    <message>
        <source>%1 → %2（%3）</source>
        <translation>%1 → %2 (%3)</translation>
    </message>
    <message>
        <source>事由：%1&#x3000;指令文号：%2</source>
        <translation>Reason: %1&#x3000;Instruction no.: %2</translation>
    </message>
    <message>
        <source>审批：%1 %2</source>
        <translation>Approved: %1 %2</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b3261e&apos;&gt;审批待补办（出库于 %1）&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b3261e&apos;&gt;approval outstanding (issued %1)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>签收：%1 %2</source>
        <translation>Received: %1 %2</translation>
    </message>
    <message>
        <source>（无可用来源）</source>
        <translation>(no source available)</translation>
    </message>
    <message>
        <source>未能完成</source>
        <translation>Not completed</translation>
    </message>
    <message>
        <source>审批调拨单</source>
        <translation>Approve dispatch order</translation>
    </message>
    <message>
        <source>审批 %1 的意见（可留空）：</source>
        <translation>Note on approving %1 (optional):</translation>
    </message>
    <message>
        <source>同意</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>正在审批并预留库存…</source>
        <translation>Approving and reserving stock…</translation>
    </message>
    <message>
        <source>按已预留的批次（先到期先出）为 %1 办理出库吗？</source>
        <translation>Issue %1 from the reserved batches (first expiry, first out)?</translation>
    </message>
    <message>
        <source>确认出库</source>
        <translation>Confirm issue</translation>
    </message>
    <message>
        <source>正在出库…</source>
        <translation>Issuing…</translation>
    </message>
    <message>
        <source>紧急出库</source>
        <translation>Emergency issue</translation>
    </message>
    <message>
        <source>口头指令（谁、何时下达，审批须 48 小时内补办）：</source>
        <translation>Oral instruction (who gave it and when; the approval must follow within 48 hours):</translation>
    </message>
    <message>
        <source>正在紧急出库…</source>
        <translation>Issuing in an emergency…</translation>
    </message>
    <message>
        <source>作废调拨单</source>
        <translation>Cancel dispatch order</translation>
    </message>
    <message>
        <source>作废 %1 的原因（必填，预留的库存将释放）：</source>
        <translation>Reason for cancelling %1 (required; reserved stock is released):</translation>
    </message>
    <message>
        <source>正在作废…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>冲销调拨单</source>
        <translation>Reverse dispatch order</translation>
    </message>
    <message>
        <source>冲销 %1 的原因（必填，出库的物资将退回原储备库）：</source>
        <translation>Reason for reversing %1 (required; issued goods go back to their store):</translation>
    </message>
    <message>
        <source>正在冲销…</source>
        <translation>Reversing…</translation>
    </message>
    <message>
        <source>无法打印</source>
        <translation>Cannot print</translation>
    </message>
</context>
<context>
    <name>DocumentLines</name>
    <message>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
</context>
<context>
    <name>DocumentsView</name>
    <message>
        <source>单号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>储备库</source>
        <translation>Stores</translation>
    </message>
    <message>
        <source>对方单位</source>
        <translation>Counterparty</translation>
    </message>
    <message>
        <source>行数</source>
        <translation>Lines</translation>
    </message>
    <message>
        <source>数量合计</source>
        <translation>Total quantity</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>原因/用途</source>
        <translation>Reason / purpose</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>已冲销（%1）</source>
        <translation>Reversed (%1)</translation>
    </message>
    <message>
        <source>冲销 %1</source>
        <translation>Reverse %1</translation>
    </message>
    <message>
        <source>已记账</source>
        <translation>Posted</translation>
    </message>
    <message>
        <source>起：2026-05-01</source>
        <translation>from: 2026-05-01</translation>
    </message>
    <message>
        <source>止：2026-05-31</source>
        <translation>to: 2026-05-31</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>搜索：单号、对方单位、原因</source>
        <translation>Search: number, counterparty, reason</translation>
    </message>
    <message>
        <source>冲销此单据…</source>
        <translation>Reverse this document…</translation>
    </message>
    <message>
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>物资编码</source>
        <translation>Item code</translation>
    </message>
    <message>
        <source>物资名称</source>
        <translation>Item name</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>账面</source>
        <translation>Book</translation>
    </message>
    <message>
        <source>实盘</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>单价</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>User</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>单据内容</source>
        <translation>Document lines</translation>
    </message>
    <message>
        <source>历史（冲销与审计记录）</source>
        <translation>History (reversals and audit trail)</translation>
    </message>
    <message>
        <source>单据</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>截止日期早于起始日期，请检查日期。</source>
        <translation>The end date is before the start date; please check the dates.</translation>
    </message>
    <message>
        <source>只显示最近的 %1 张单据，更早的请用日期筛选。</source>
        <translation>Only the latest %1 documents are shown; use the date filter for older ones.</translation>
    </message>
    <message>
        <source>共 %1 张单据</source>
        <translation>%1 documents</translation>
    </message>
    <message>
        <source>在上面的列表中选择一张单据查看明细。</source>
        <translation>Choose a document in the list above to see its lines.</translation>
    </message>
    <message>
        <source>储备库：%1&#x3000;日期：%2&#x3000;经办人：%3</source>
        <translation>Store: %1&#x3000;Date: %2&#x3000;Handled by: %3</translation>
    </message>
    <message>
        <source>依据文号</source>
        <translation>Reference no.</translation>
    </message>
    <message>
        <source>用途</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>在途</source>
        <translation>In transit</translation>
    </message>
    <message>
        <source>部分收货</source>
        <translation>Partly received</translation>
    </message>
    <message>
        <source>已收货</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>已撤销</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>调拨单 %1：%2</source>
        <translation>Dispatch order %1: %2</translation>
    </message>
    <message>
        <source>记账</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>冲销</source>
        <translation>Reverse</translation>
    </message>
    <message>
        <source>审批</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>导出单据</source>
        <translation>Export document</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>正在生成 PDF…</source>
        <translation>Creating the PDF…</translation>
    </message>
    <message>
        <source>未能导出</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>已保存到 %1</source>
        <translation>Saved to %1</translation>
    </message>
    <message>
        <source>冲销单据</source>
        <translation>Reverse document</translation>
    </message>
    <message>
        <source>冲销 %1 的原因（必填）：</source>
        <translation>Reason for reversing %1 (required):</translation>
    </message>
    <message>
        <source>未能冲销</source>
        <translation>The reversal was not posted</translation>
    </message>
    <message>
        <source>冲销原因不能为空。</source>
        <translation>A reason for the reversal is required.</translation>
    </message>
    <message>
        <source>冲销 %1 将生成一张冲销单，把它的库存变动全部反向记账；原单据保留。确定冲销吗？</source>
        <translation>Reversing %1 creates a reversal document that posts all of its stock changes backwards; the original document is kept. Reverse it?</translation>
    </message>
    <message>
        <source>确认冲销</source>
        <translation>Confirm reversal</translation>
    </message>
    <message>
        <source>正在冲销…</source>
        <translation>Reversing…</translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message>
        <source>库存分布：%1</source>
        <translation>Stock distribution: %1</translation>
    </message>
    <message>
        <source>储备库编码</source>
        <translation>Store code</translation>
    </message>
    <message>
        <source>储备库</source>
        <translation>Stores</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>政府实物（%1）</source>
        <translation>Government stock (%1)</translation>
    </message>
    <message>
        <source>物资</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>计入（%1）</source>
        <translation>Counted (%1)</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>协议编号</source>
        <translation>Agreement no.</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>产能储备</source>
        <translation>Capacity reserve</translation>
    </message>
    <message>
        <source>实物代储</source>
        <translation>Physical storage by enterprise</translation>
    </message>
    <message>
        <source>到期日</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>响应时间</source>
        <translation>Response time</translation>
    </message>
    <message>
        <source>未约定</source>
        <translation>Not agreed</translation>
    </message>
    <message>
        <source>按储备库（%1）</source>
        <translation>By store (%1)</translation>
    </message>
    <message>
        <source>批次（%1）</source>
        <translation>Batches (%1)</translation>
    </message>
    <message>
        <source>协议（%1）</source>
        <translation>Agreements (%1)</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ExportTable</name>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>正在读取符合条件的全部行…</source>
        <translation>Reading all matching rows…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>导出本表</source>
        <translation>Export table</translation>
    </message>
    <message>
        <source>正在读取符合条件的全部行… 已读取 %1 行</source>
        <translation>Reading all matching rows… %1 rows read</translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>导出本表…</source>
        <translation>Export table…</translation>
    </message>
    <message>
        <source>把本表当前筛选和排序下的全部行导出为 Excel</source>
        <translation>Export every row of this table, as filtered and sorted now, to Excel</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export complete</translation>
    </message>
    <message>
        <source>已导出 {0} 行到 {1}</source>
        <translation>Exported {0} rows to {1}</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>管理员已设置密码，无需再运行首次启动向导，请直接登录。</source>
        <translation>The administrator already has a password: the first-start wizard is not needed, log in instead.</translation>
    </message>
    <message>
        <source>县名称</source>
        <translation>County name</translation>
    </message>
    <message>
        <source>行政区划代码</source>
        <translation>Area code</translation>
    </message>
    <message>
        <source>本版本未包含演示数据，已按空库开始。</source>
        <translation>This version has no demo data; started with an empty database.</translation>
    </message>
    <message>
        <source>已装入演示县“%1”（演示用户密码见使用说明）。</source>
        <translation>Demo county “%1” loaded (the demo users&apos; passwords are in the user manual).</translation>
    </message>
    <message>
        <source>本版本尚未提供 Excel 台账导入功能，已按空库开始；可稍后在“导入导出”中导入。</source>
        <translation>This version cannot import Excel ledgers yet; started with an empty database. You can import later under “Import and export”.</translation>
    </message>
    <message>
        <source>没有选择工作簿，已按空库开始；可稍后再导入台账。</source>
        <translation>No workbook chosen; started with an empty database. You can import a ledger later.</translation>
    </message>
    <message>
        <source>……另有 %1 处问题</source>
        <translation>… and %1 more problems</translation>
    </message>
    <message>
        <source>工作簿有问题，没有导入任何数据，已按空库开始。请改正后再导入：</source>
        <translation>The workbook has problems, so nothing was imported and the database starts empty. Correct them and import again:</translation>
    </message>
    <message>
        <source>已导入：储备库 %1 个，物资 %2 种，库存批次 %3 个。</source>
        <translation>Imported: %1 stores, %2 items, %3 stock batches.</translation>
    </message>
    <message>
        <source>欢迎使用储备管家</source>
        <translation>Welcome to ReserveKeeper</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在装入演示数据……</source>
        <translation>Loading the demo data…</translation>
    </message>
    <message>
        <source>正在导入台账……</source>
        <translation>Importing the ledger…</translation>
    </message>
    <message>
        <source>无法完成设置</source>
        <translation>Setup could not be completed</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <source>库存总值</source>
        <translation>Stock value</translation>
    </message>
    <message>
        <source>已过期批次</source>
        <translation>Expired batches</translation>
    </message>
    <message>
        <source>%1 天内到期批次</source>
        <translation>Batches expiring within %1 days</translation>
    </message>
    <message>
        <source>未完成调拨单</source>
        <translation>Open dispatch orders</translation>
    </message>
    <message>
        <source>各类物资库存金额（元）</source>
        <translation>Stock value by category (yuan)</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>库存批次</source>
        <translation>Stock lines</translation>
    </message>
    <message>
        <source>未达标需求项（%1 人 × %2 天）</source>
        <translation>Needs not met (%1 people × %2 days)</translation>
    </message>
    <message>
        <source>品种</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>库存分类</source>
        <translation>Stock by category</translation>
    </message>
    <message>
        <source>还没有库存。先在“储备库”中建立储备库，在“物资目录”中添加物资，然后点工具栏上的“入库”记录第一批物资。</source>
        <translation>No stock yet. Create your stores under “Stores”, add items under “Catalogue”, then click “Receive” on the toolbar to record the first goods.</translation>
    </message>
    <message>
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>最近操作</source>
        <translation>Recent activity</translation>
    </message>
    <message>
        <source>提醒</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>库存批次（%1 种物资）</source>
        <translation>Stock lines (%1 items)</translation>
    </message>
    <message>
        <source>最薄弱：%1</source>
        <translation>Weakest: %1</translation>
    </message>
    <message>
        <source>各类物资库存金额（万元）</source>
        <translation>Stock value by category (10,000 yuan)</translation>
    </message>
    <message>
        <source>暂无操作记录</source>
        <translation>No activity yet</translation>
    </message>
</context>
<context>
    <name>ImportExportView</name>
    <message>
        <source>导入 Excel 台账</source>
        <translation>Import an Excel ledger</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>尚未选择文件。可导入的工作表：储备库、物资目录、库存、代储协议、定额标准。</source>
        <translation>No file chosen yet. Sheets that can be imported: stores, catalogue, stock, agreements, standards.</translation>
    </message>
    <message>
        <source>保存导入模板…</source>
        <translation>Save import template…</translation>
    </message>
    <message>
        <source>检查结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>定位</source>
        <translation>Locate</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>%p%</source>
        <translation>%p%</translation>
    </message>
    <message>
        <source>检查</source>
        <translation>Inspect</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>导出 Excel 台账</source>
        <translation>Export the Excel ledger</translation>
    </message>
    <message>
        <source>全部年份</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>储备库</source>
        <translation>Stores</translation>
    </message>
    <message>
        <source>物资</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>期初库存批次</source>
        <translation>Opening stock batches</translation>
    </message>
    <message>
        <source>代储协议</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>定额标准</source>
        <translation>Standards</translation>
    </message>
    <message>
        <source>流水年份</source>
        <translation>Movements of year</translation>
    </message>
    <message>
        <source>导出储备库、物资目录、库存、代储协议、定额标准和出入库流水六张表，带标题、冻结表头和 A4 横向打印设置；导出的文件可以再导入。</source>
        <translation>Exports six sheets — stores, catalogue, stock, agreements, standards and movements — with titles, frozen headers and A4 landscape print settings; the file can be imported again.</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>全部储备库</source>
        <translation>All stores</translation>
    </message>
    <message>
        <source>选择 Excel 台账</source>
        <translation>Choose an Excel ledger</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx *.xlsm)</source>
        <translation>Excel workbooks (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <source>无法打开文件</source>
        <translation>Cannot open the file</translation>
    </message>
    <message>
        <source>（没有可导入的工作表）</source>
        <translation>(no sheet that can be imported)</translation>
    </message>
    <message>
        <source>文件：{0}&#x3000;识别到的工作表：{1}</source>
        <translation>File: {0}&#x3000;sheets recognised: {1}</translation>
    </message>
    <message>
        <source>按“{0}”表读取，表头在第 {1} 行。</source>
        <translation>Read as the “{0}” sheet, header in row {1}.</translation>
    </message>
    <message>
        <source>缺少必填列：{0}。</source>
        <translation>Required columns missing: {0}.</translation>
    </message>
    <message>
        <source>未识别的列，请指定含义：</source>
        <translation>Unrecognised columns; say what they hold:</translation>
    </message>
    <message>
        <source>“{0}” → 忽略</source>
        <translation>“{0}” → ignored</translation>
    </message>
    <message>
        <source>“{0}” → {1}</source>
        <translation>“{0}” → {1}</translation>
    </message>
    <message>
        <source>Excel 行</source>
        <translation>Excel row</translation>
    </message>
    <message>
        <source>工作表“{0}”的名称无法识别，导入时将忽略。如果它是下列表之一，请选择：</source>
        <translation>The name of sheet “{0}” is not recognised and it will be ignored. If it is one of these sheets, choose which:</translation>
    </message>
    <message>
        <source>忽略此表</source>
        <translation>Ignore this sheet</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>在 Excel 的名称框中输入此位置可直接跳到该单元格</source>
        <translation>Type this position into Excel&apos;s name box to jump to the cell</translation>
    </message>
    <message>
        <source>检查结果：{0} 个错误，{1} 条提示</source>
        <translation>Check result: {0} errors, {1} notices</translation>
    </message>
    <message>
        <source>（有错误时不会导入任何数据）</source>
        <translation>(nothing is imported while there are errors)</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>确认导入</source>
        <translation>Confirm import</translation>
    </message>
    <message>
        <source>检查通过，将新建：{0}。
全部写入在一个事务中完成，中途取消不会留下任何数据。确定导入吗？</source>
        <translation>The check passed; this will create: {0}.
Everything is written in one transaction, and cancelling half-way leaves no data behind. Import now?</translation>
    </message>
    <message>
        <source>导入完成</source>
        <translation>Import complete</translation>
    </message>
    <message>
        <source>已导入：{0}。</source>
        <translation>Imported: {0}.</translation>
    </message>
    <message>
        <source>已处理 {0} 行…</source>
        <translation>{0} rows processed…</translation>
    </message>
    <message>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>导入失败</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <source>检查通过，可导入：</source>
        <translation>Check passed; can import: </translation>
    </message>
    <message>
        <source>导入完成，已新建：</source>
        <translation>Import complete; created: </translation>
    </message>
    <message>
        <source>（{0} 条提示）</source>
        <translation>({0} notices)</translation>
    </message>
    <message>
        <source>储备台账导入模板.xlsx</source>
        <translation>Reserve ledger import template.xlsx</translation>
    </message>
    <message>
        <source>已保存模板</source>
        <translation>Template saved</translation>
    </message>
    <message>
        <source>导入模板已保存到 {0}</source>
        <translation>Import template saved to {0}</translation>
    </message>
    <message>
        <source>储备台账_%1.xlsx</source>
        <translation>Reserve ledger %1.xlsx</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>%1 %2 行</source>
        <translation>%1: %2 rows</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export complete</translation>
    </message>
    <message>
        <source>已导出到 {0}
{1}</source>
        <translation>Exported to {0}
{1}</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>维修</source>
        <translation>Repair</translation>
    </message>
    <message>
        <source>申请报废</source>
        <translation>Request scrapping</translation>
    </message>
    <message>
        <source>登记养护检查</source>
        <translation>Record maintenance inspection</translation>
    </message>
    <message>
        <source>检查人</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>检查日期</source>
        <translation>Inspection date</translation>
    </message>
    <message>
        <source>检查结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>合格</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>不合格</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>发现的问题</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <source>添加照片…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>后续处理</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>维修说明</source>
        <translation>Repair note</translation>
    </message>
    <message>
        <source>报废数量</source>
        <translation>Quantity scrapped</translation>
    </message>
    <message>
        <source>选择照片</source>
        <translation>Choose photos</translation>
    </message>
    <message>
        <source>图片 (*.jpg *.jpeg *.png *.bmp)</source>
        <translation>Images (*.jpg *.jpeg *.png *.bmp)</translation>
    </message>
    <message>
        <source>检查不合格时请填写发现的问题。</source>
        <translation>When an inspection fails, describe the problems found.</translation>
    </message>
</context>
<context>
    <name>InspectionsView</name>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>本期应做</source>
        <translation>Due this period</translation>
    </message>
    <message>
        <source>应完成日期</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>养护项目</source>
        <translation>Maintenance task</translation>
    </message>
    <message>
        <source>储备库</source>
        <translation>Stores</translation>
    </message>
    <message>
        <source>物资</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>上次检查</source>
        <translation>Last inspection</translation>
    </message>
    <message>
        <source>尚无记录</source>
        <translation>No records yet</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>物资 / 批次</source>
        <translation>Item / batch</translation>
    </message>
    <message>
        <source>检查人</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>合格</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>不合格</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>处理</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>维修：</source>
        <translation>Repair: </translation>
    </message>
    <message>
        <source>报废申请 </source>
        <translation>Scrap requests </translation>
    </message>
    <message>
        <source>照片 %1 张</source>
        <translation>%1 photos</translation>
    </message>
    <message>
        <source>全部储备库</source>
        <translation>All stores</translation>
    </message>
    <message>
        <source>逾期及 </source>
        <translation>Overdue and </translation>
    </message>
    <message>
        <source> 天内到期</source>
        <translation> days to expiry</translation>
    </message>
    <message>
        <source>登记检查…</source>
        <translation>Record inspection…</translation>
    </message>
    <message>
        <source>启用默认养护计划</source>
        <translation>Enable the default maintenance plan</translation>
    </message>
    <message>
        <source>应做的养护检查</source>
        <translation>Inspections due</translation>
    </message>
    <message>
        <source>养护检查记录</source>
        <translation>Inspection records</translation>
    </message>
    <message>
        <source>最近的养护记录</source>
        <translation>Recent maintenance records</translation>
    </message>
    <message>
        <source>养护检查</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <source>逾期 %1 项，近期应做 %2 项</source>
        <translation>%1 overdue, %2 due soon</translation>
    </message>
    <message>
        <source>养护计划</source>
        <translation>Maintenance plan</translation>
    </message>
    <message>
        <source>已启用 %1 项默认养护计划。</source>
        <translation>%1 default maintenance tasks enabled.</translation>
    </message>
    <message>
        <source>%1：%2（应于 %3）</source>
        <translation>%1: %2 (due by %3)</translation>
    </message>
    <message>
        <source>登记检查</source>
        <translation>Record inspection</translation>
    </message>
    <message>
        <source>已登记，下次应于 %1 检查。</source>
        <translation>Recorded; the next inspection is due on %1.</translation>
    </message>
    <message>
        <source>已提交报废申请 %1，待审批。</source>
        <translation>Scrap request %1 submitted for approval.</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <source>正在保存出库单…</source>
        <translation>Saving the issue…</translation>
    </message>
    <message>
        <source>出库单</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>出库储备库</source>
        <translation>Issuing store</translation>
    </message>
    <message>
        <source>领用单位</source>
        <translation>Receiving unit</translation>
    </message>
    <message>
        <source>用途</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>依据文号</source>
        <translation>Reference no.</translation>
    </message>
    <message>
        <source>出库日期</source>
        <translation>Issue date</translation>
    </message>
    <message>
        <source>确认出库</source>
        <translation>Confirm issue</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>更换储备库</source>
        <translation>Change store</translation>
    </message>
    <message>
        <source>更换储备库将清空已录入的清单，继续吗？</source>
        <translation>Changing the store clears the lines entered so far. Continue?</translation>
    </message>
    <message>
        <source>请先改正上面标红的项目。</source>
        <translation>Correct the fields marked in red first.</translation>
    </message>
    <message>
        <source>出库清单是空的，请先添加至少一行物资。</source>
        <translation>The issue has no lines; add at least one item first.</translation>
    </message>
    <message>
        <source>您没有可以记账的储备库，请联系管理员分配。</source>
        <translation>You have no store you may post in; ask the administrator to assign one.</translation>
    </message>
    <message>
        <source>从“%1”出库 %2 行物资给“%3”？确认后将记入台账。</source>
        <translation>Issue %2 lines from “%1” to “%3”? Once confirmed it is entered in the ledger.</translation>
    </message>
    <message>
        <source>未能出库</source>
        <translation>The issue was not posted</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>%1必须是整数，不填表示没有。</source>
        <translation>%1 must be a whole number; leave it empty for none.</translation>
    </message>
    <message>
        <source>单价“%1”不是数字，请填写如 12.50 的金额。</source>
        <translation>Unit price “%1” is not a number: enter an amount such as 12.50.</translation>
    </message>
    <message>
        <source>单价不能为负数。</source>
        <translation>The unit price cannot be negative.</translation>
    </message>
    <message>
        <source>编辑物资</source>
        <translation>Edit item</translation>
    </message>
    <message>
        <source>新增物资</source>
        <translation>New item</translation>
    </message>
    <message>
        <source>物资编码</source>
        <translation>Item code</translation>
    </message>
    <message>
        <source>物资名称</source>
        <translation>Item name</translation>
    </message>
    <message>
        <source>规格型号</source>
        <translation>Specification</translation>
    </message>
    <message>
        <source>计量单位</source>
        <translation>Unit of measure</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>（未分类）</source>
        <translation>(uncategorised)</translation>
    </message>
    <message>
        <source>保质期（月）</source>
        <translation>Shelf life (months)</translation>
    </message>
    <message>
        <source>不填表示无保质期</source>
        <translation>Leave empty if it does not expire</translation>
    </message>
    <message>
        <source>轮换提前期（天）</source>
        <translation>Rotation lead time (days)</translation>
    </message>
    <message>
        <source>不填则按分类</source>
        <translation>Leave empty to use the category&apos;s</translation>
    </message>
    <message>
        <source>单价（元）</source>
        <translation>Unit price (yuan)</translation>
    </message>
    <message>
        <source>使用后须回收归还（如帐篷、发电机）</source>
        <translation>Must be returned after use (e.g. tents, generators)</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>保质期（月）必须大于 0，没有保质期请留空。</source>
        <translation>Shelf life (months) must be more than 0; leave it empty if there is none.</translation>
    </message>
</context>
<context>
    <name>ItemPicker</name>
    <message>
        <source>编码、名称或拼音首字母</source>
        <translation>Code, name or pinyin initials</translation>
    </message>
    <message>
        <source>请填写物资编码，或输入名称、拼音首字母后从列表中选择。</source>
        <translation>Enter the item code, or type a name or pinyin initials and choose from the list.</translation>
    </message>
    <message>
        <source>物资目录中没有“%1”，请检查编码或先在目录中添加。</source>
        <translation>“%1” is not in the catalogue; check the code or add it to the catalogue first.</translation>
    </message>
    <message>
        <source>有 %1 个物资与“%2”相符，请从列表中选择一个。</source>
        <translation>%1 items match “%2”; choose one from the list.</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>单号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>单据类型</source>
        <translation>Document type</translation>
    </message>
    <message>
        <source>储备库</source>
        <translation>Stores</translation>
    </message>
    <message>
        <source>物资编码</source>
        <translation>Item code</translation>
    </message>
    <message>
        <source>物资名称</source>
        <translation>Item name</translation>
    </message>
    <message>
        <source>规格</source>
        <translation>Spec</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>变动</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>结存</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>User</translation>
    </message>
</context>
<context>
    <name>LedgerView</name>
    <message>
        <source>起：2026-05-01</source>
        <translation>from: 2026-05-01</translation>
    </message>
    <message>
        <source>止：2026-05-31</source>
        <translation>to: 2026-05-31</translation>
    </message>
    <message>
        <source>物资：编码/名称/拼音，留空为全部</source>
        <translation>Item: code/name/pinyin, empty for all</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>清除条件</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>台账</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <source>全部操作人</source>
        <translation>All users</translation>
    </message>
    <message>
        <source>截止日期早于起始日期，请检查日期。</source>
        <translation>The end date is before the start date; please check the dates.</translation>
    </message>
    <message>
        <source>已载入 %1 条，向下滚动载入更多</source>
        <translation>%1 rows loaded; scroll down to load more</translation>
    </message>
    <message>
        <source>共 %1 条</source>
        <translation>%1 entries</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>关联物资：%1</source>
        <translation>Linked items: %1</translation>
    </message>
    <message>
        <source>物资</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>折算系数</source>
        <translation>Conversion factor</translation>
    </message>
    <message>
        <source>1 个物资单位折合多少 %1（如 36㎡帐篷折 3 顶 12㎡当量）</source>
        <translation>How many %1 one unit of the item counts as (e.g. a 36 m² tent counts as three 12 m² tents)</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>登录 — 储备管家</source>
        <translation>Sign in — ReserveKeeper</translation>
    </message>
    <message>
        <source>储备管家 · 应急物资储备管理</source>
        <translation>ReserveKeeper · emergency supplies reserve</translation>
    </message>
    <message>
        <source>数据库：%1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>入库</source>
        <translation>Receive</translation>
    </message>
    <message>
        <source>出库</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>调拨</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>盘点</source>
        <translation>Stocktake</translation>
    </message>
    <message>
        <source>储备管家 ReserveKeeper</source>
        <translation>ReserveKeeper</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>%1：此功能尚未安装</source>
        <translation>%1: this feature is not installed</translation>
    </message>
    <message>
        <source>修改密码…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <source>服务器连接…</source>
        <translation>Server connection…</translation>
    </message>
    <message>
        <source>用户手册</source>
        <translation>User manual</translation>
    </message>
    <message>
        <source>关于储备管家</source>
        <translation>About ReserveKeeper</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>业务(&amp;B)</source>
        <translation>&amp;Business</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>语言 / Language</source>
        <translation>Language / 语言</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>用户：%1（%2）</source>
        <translation>User: %1 (%2)</translation>
    </message>
    <message>
        <source>数据库：%1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>储备库：%1 辖区</source>
        <translation>Stores: %1 and below</translation>
    </message>
    <message>
        <source>储备库：%1</source>
        <translation>Store: %1</translation>
    </message>
    <message>
        <source>储备库：全部</source>
        <translation>Store: all</translation>
    </message>
    <message>
        <source>此页面无法打开：
%1</source>
        <translation>This page could not be opened:
%1</translation>
    </message>
    <message>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <source>此功能尚未安装。</source>
        <translation>This feature is not installed.</translation>
    </message>
    <message>
        <source>操作未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>密码已修改。</source>
        <translation>The password has been changed.</translation>
    </message>
    <message>
        <source>储备管家 ReserveKeeper
县级应急物资储备管理：库存、台账、调拨、轮换、协议储备与保障能力评估。</source>
        <translation>ReserveKeeper
Emergency supplies reserve management for a county: stock, ledger, dispatch, rotation, agreement reserves and adequacy checks.</translation>
    </message>
    <message>
        <source>本安装中没有用户手册。</source>
        <translation>This installation has no user manual.</translation>
    </message>
    <message>
        <source>服务器连接</source>
        <translation>Server connection</translation>
    </message>
    <message>
        <source>设置已保存，重新启动程序后生效。</source>
        <translation>Settings saved; they take effect when the program is restarted.</translation>
    </message>
</context>
<context>
    <name>ManualDialog</name>
    <message>
        <source>储备管家 用户手册</source>
        <translation>ReserveKeeper user manual</translation>
    </message>
</context>
<context>
    <name>NavigationPanel</name>
    <message>
        <source>储备库</source>
        <translation>Stores</translation>
    </message>
</context>
<context>
    <name>NeedDialog</name>
    <message>
        <source>修改需求项</source>
        <translation>Edit need</translation>
    </message>
    <message>
        <source>新增需求项</source>
        <translation>New need</translation>
    </message>
    <message>
        <source>如 3、0.5 或 0.25/30</source>
        <translation>e.g. 3, 0.5 or 0.25/30</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>计量单位</source>
        <translation>Unit of measure</translation>
    </message>
    <message>
        <source>计算方式</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>定额</source>
        <translation>Quota</translation>
    </message>
    <message>
        <source>排序号</source>
        <translation>Sort no.</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>需求量 = 定额 × 人数 × 天数</source>
        <translation>Required = quota × people × days</translation>
    </message>
    <message>
        <source>需求量 = 人数 ÷ 定额，进位取整（定额为每件覆盖的人数）</source>
        <translation>Required = people ÷ quota, rounded up (the quota is people covered per unit)</translation>
    </message>
    <message>
        <source>需求量 = 定额（固定目标数量，与人数无关）</source>
        <translation>Required = quota (a fixed target, whatever the number of people)</translation>
    </message>
</context>
<context>
    <name>OutboundLinesEditor</name>
    <message>
        <source>添加到清单</source>
        <translation>Add to the list</translation>
    </message>
    <message>
        <source>物资</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>将出库的批次（先到期先出）</source>
        <translation>Batches to issue (first expiry, first out)</translation>
    </message>
    <message>
        <source>批次号</source>
        <translation>Batch no.</translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>本次出库</source>
        <translation>Issue now</translation>
    </message>
    <message>
        <source>录入一行（回车跳到下一项）</source>
        <translation>Enter a line (Enter moves to the next field)</translation>
    </message>
    <message>
        <source>物资编码</source>
        <translation>Item code</translation>
    </message>
    <message>
        <source>物资名称</source>
        <translation>Item name</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>删除所选行</source>
        <translation>Delete selected row</translation>
    </message>
    <message>
        <source>双击一行可放回上面修改</source>
        <translation>Double-click a line to take it back up for editing</translation>
    </message>
    <message>
        <source>清单</source>
        <translation>Lines</translation>
    </message>
    <message>
        <source>请从列表中选择物资。</source>
        <translation>Choose an item from the list.</translation>
    </message>
    <message>
        <source>物资目录中没有编码“%1”，请检查或从列表中选择。</source>
        <translation>The catalogue has no code “%1”; check it or choose from the list.</translation>
    </message>
    <message>
        <source>自动：先到期先出</source>
        <translation>Automatic: first expiry, first out</translation>
    </message>
    <message>
        <source>%1（有效期至 %2，可用 %3%4）</source>
        <translation>%1 (expires %2, available %3%4)</translation>
    </message>
    <message>
        <source> 已过期</source>
        <translation> expired</translation>
    </message>
    <message>
        <source>将出库的批次（保管员指定）</source>
        <translation>Batches to issue (chosen by the keeper)</translation>
    </message>
    <message>
        <source>批次“%1”可用只有 %2%3，不足 %4%3。请减少数量或选择其他批次。</source>
        <translation>Batch “%1” has only %2%3 available, less than %4%3. Reduce the quantity or choose another batch.</translation>
    </message>
    <message>
        <source>数量不能为空，请填写一个正数。</source>
        <translation>The quantity must not be empty; enter a positive number.</translation>
    </message>
    <message>
        <source>先到期先出</source>
        <translation>First expiry, first out</translation>
    </message>
    <message>
        <source>共 %1 行</source>
        <translation>%1 rows</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>再次输入</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>请再次输入新密码。</source>
        <translation>Type the new password again.</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>打印预览 - %1</source>
        <translation>Print preview - %1</translation>
    </message>
    <message>
        <source> 份</source>
        <translation> copies</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>共 %1 页</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <source>份数</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>打印失败</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <source>无法打印：%1</source>
        <translation>Cannot print: %1</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>保存失败</source>
        <translation>Saving failed</translation>
    </message>
    <message>
        <source>无法保存到 %1：%2</source>
        <translation>Could not save to %1: %2</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>正在保存入库单…</source>
        <translation>Saving the receipt…</translation>
    </message>
    <message>
        <source>入库单</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>适用于本单各行，可不填</source>
        <translation>Applies to every line of this document; optional</translation>
    </message>
    <message>
        <source>入库储备库</source>
        <translation>Receiving store</translation>
    </message>
    <message>
        <source>供应商/交储单位</source>
        <translation>Supplier / depositor</translation>
    </message>
    <message>
        <source>通知单号</source>
        <translation>Notice no.</translation>
    </message>
    <message>
        <source>入库日期</source>
        <translation>Receipt date</translation>
    </message>
    <message>
        <source>生产厂家</source>
        <translation>Manufacturer</translation>
    </message>
    <message>
        <source>储备方式</source>
        <translation>Reserve mode</translation>
    </message>
    <message>
        <source>留空按日期自动编号</source>
        <translation>Empty: numbered from the date</translation>
    </message>
    <message>
        <source>留空按保质期推算</source>
        <translation>Empty: worked out from the shelf life</translation>
    </message>
    <message>
        <source>元，可不填</source>
        <translation>yuan, optional</translation>
    </message>
    <message>
        <source>签收调拨单 %1</source>
        <translation>Confirm receipt of dispatch order %1</translation>
    </message>
    <message>
        <source>签收人</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>签收说明</source>
        <translation>Receipt note</translation>
    </message>
    <message>
        <source>物资</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>出库数量</source>
        <translation>Quantity issued</translation>
    </message>
    <message>
        <source>实收</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>其中损坏</source>
        <translation>Of which damaged</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>确认签收</source>
        <translation>Confirm receipt</translation>
    </message>
    <message>
        <source>正在登记签收…</source>
        <translation>Recording the receipt…</translation>
    </message>
    <message>
        <source>批次号</source>
        <translation>Batch no.</translation>
    </message>
    <message>
        <source>生产日期</source>
        <translation>Produced</translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>单价</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <source>存放位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>添加到清单</source>
        <translation>Add to the list</translation>
    </message>
    <message>
        <source>录入一行（回车跳到下一项，最后一项回车即添加）</source>
        <translation>Enter a line (Enter moves to the next field; Enter on the last one adds it)</translation>
    </message>
    <message>
        <source>物资编码</source>
        <translation>Item code</translation>
    </message>
    <message>
        <source>物资名称</source>
        <translation>Item name</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>删除所选行</source>
        <translation>Delete selected row</translation>
    </message>
    <message>
        <source>双击一行可放回上面修改</source>
        <translation>Double-click a line to take it back up for editing</translation>
    </message>
    <message>
        <source>确认入库</source>
        <translation>Confirm receipt</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>入库清单</source>
        <translation>Receipt lines</translation>
    </message>
    <message>
        <source>物资目录中没有编码“%1”，请检查或从列表中选择。</source>
        <translation>The catalogue has no code “%1”; check it or choose from the list.</translation>
    </message>
    <message>
        <source>请从列表中选择物资。</source>
        <translation>Choose an item from the list.</translation>
    </message>
    <message>
        <source>有效期至 %1 早于生产日期 %2，请检查日期。</source>
        <translation>The expiry date %1 is before the production date %2; please check the dates.</translation>
    </message>
    <message>
        <source>单价最多两位小数（分）。</source>
        <translation>The unit price has at most two decimals (fen).</translation>
    </message>
    <message>
        <source>数量不能为空，请填写一个正数。</source>
        <translation>The quantity must not be empty; enter a positive number.</translation>
    </message>
    <message>
        <source>请填写物资编码。</source>
        <translation>Enter the item code.</translation>
    </message>
    <message>
        <source>（自动）</source>
        <translation>(automatic)</translation>
    </message>
    <message>
        <source>共 %1 行</source>
        <translation>%1 rows</translation>
    </message>
    <message>
        <source>请先改正上面标红的项目。</source>
        <translation>Correct the fields marked in red first.</translation>
    </message>
    <message>
        <source>入库清单是空的，请先添加至少一行物资。</source>
        <translation>The receipt has no lines; add at least one item first.</translation>
    </message>
    <message>
        <source>您没有可以记账的储备库，请联系管理员分配。</source>
        <translation>You have no store you may post in; ask the administrator to assign one.</translation>
    </message>
    <message>
        <source>在“%1”入库 %2 行物资？确认后将记入台账，只能冲销不能修改。</source>
        <translation>Receive %2 lines into “%1”? Once confirmed it is entered in the ledger and can only be reversed, not edited.</translation>
    </message>
    <message>
        <source>未能入库</source>
        <translation>The receipt was not posted</translation>
    </message>
</context>
<context>
    <name>ReplacementDialog</name>
    <message>
        <source>计划补充新批次</source>
        <translation>Plan a replacement batch</translation>
    </message>
    <message>
        <source>计划数量</source>
        <translation>Planned quantity</translation>
    </message>
    <message>
        <source>计划到货日期</source>
        <translation>Planned arrival</translation>
    </message>
    <message>
        <source>供应商</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>登记归还 %1</source>
        <translation>Record return of %1</translation>
    </message>
    <message>
        <source>物资</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>第 %1 行 %2（待还 %3）</source>
        <translation>Line %1 %2 (%3 outstanding)</translation>
    </message>
    <message>
        <source>完好归还</source>
        <translation>Returned intact</translation>
    </message>
    <message>
        <source>修复后归还</source>
        <translation>Returned after repair</translation>
    </message>
    <message>
        <source>丢失</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>登记归还</source>
        <translation>Record return</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>这张调拨单没有待归还的物资。</source>
        <translation>This dispatch order has nothing to be returned.</translation>
    </message>
    <message>
        <source>正在登记归还…</source>
        <translation>Recording the return…</translation>
    </message>
</context>
<context>
    <name>RotateOutDialog</name>
    <message>
        <source>调剂使用</source>
        <translation>Use elsewhere</translation>
    </message>
    <message>
        <source>销售</source>
        <translation>Sale</translation>
    </message>
    <message>
        <source>捐赠</source>
        <translation>Donation</translation>
    </message>
    <message>
        <source>调拨到其他储备库</source>
        <translation>Transfer to another store</translation>
    </message>
    <message>
        <source>轮换出库</source>
        <translation>Rotation issue</translation>
    </message>
    <message>
        <source>轮换方式</source>
        <translation>Rotation method</translation>
    </message>
    <message>
        <source>接收单位</source>
        <translation>Receiving unit</translation>
    </message>
    <message>
        <source>调入储备库</source>
        <translation>Receiving store</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
</context>
<context>
    <name>RotationView</name>
    <message>
        <source>正在计算…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>储备库</source>
        <translation>Stores</translation>
    </message>
    <message>
        <source>物资编码</source>
        <translation>Item code</translation>
    </message>
    <message>
        <source>物资名称</source>
        <translation>Item name</translation>
    </message>
    <message>
        <source>规格</source>
        <translation>Spec</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>应轮换日</source>
        <translation>Rotate by</translation>
    </message>
    <message>
        <source>距到期</source>
        <translation>Until expiry</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>补充</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>单号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <source>物资</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>逾期未轮换</source>
        <translation>Overdue for rotation</translation>
    </message>
    <message>
        <source>待轮换</source>
        <translation>Due for rotation</translation>
    </message>
    <message>
        <source>今天到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>过期 %1 天</source>
        <translation>%1 days past expiry</translation>
    </message>
    <message>
        <source>%1 天</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>已计划</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>已到货</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <source>轮换提前期 %1 天</source>
        <translation>Rotation lead time %1 days</translation>
    </message>
    <message>
        <source>补充计划：</source>
        <translation>Replacement plan: </translation>
    </message>
    <message>
        <source>搜索：物资、编码、批次或储备库</source>
        <translation>Search: item, code, batch or store</translation>
    </message>
    <message>
        <source>全部储备库</source>
        <translation>All stores</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>应轮换日在 </source>
        <translation>Rotate by within </translation>
    </message>
    <message>
        <source> 天内</source>
        <translation> days</translation>
    </message>
    <message>
        <source>轮换出库…</source>
        <translation>Rotation issue…</translation>
    </message>
    <message>
        <source>计划补充…</source>
        <translation>Plan replacement…</translation>
    </message>
    <message>
        <source>申请报废…</source>
        <translation>Request scrapping…</translation>
    </message>
    <message>
        <source>报废申请</source>
        <translation>Scrap requests</translation>
    </message>
    <message>
        <source>批准报废</source>
        <translation>Approve scrapping</translation>
    </message>
    <message>
        <source>驳回…</source>
        <translation>Refuse…</translation>
    </message>
    <message>
        <source>待审批的报废申请</source>
        <translation>Scrap requests awaiting approval</translation>
    </message>
    <message>
        <source>轮换计划</source>
        <translation>Rotation plan</translation>
    </message>
    <message>
        <source>查看协议储备</source>
        <translation>Show agreement reserves</translation>
    </message>
    <message>
        <source>协议储备（企业代储）物资由企业按协议自行轮换，不列入本表；生效协议 %1 份。</source>
        <translation>Goods held by enterprises under agreement are rotated by the enterprise and are not listed here; %1 agreements in force.</translation>
    </message>
    <message>
        <source>已过期 %1 批，逾期未轮换 %2 批，待轮换 %3 批，已计划补充 %4 批</source>
        <translation>%1 batches expired, %2 overdue for rotation, %3 due for rotation, %4 with replacement planned</translation>
    </message>
    <message>
        <source>%1：%2 %3 批次 %4，%5，有效期至 %6</source>
        <translation>%1: %2 %3 batch %4, %5, expires %6</translation>
    </message>
    <message>
        <source>轮换出库</source>
        <translation>Rotation issue</translation>
    </message>
    <message>
        <source>已登记轮换出库，单号 %1。</source>
        <translation>Rotation issue recorded, number %1.</translation>
    </message>
    <message>
        <source>计划补充</source>
        <translation>Plan replacement</translation>
    </message>
    <message>
        <source>已建立轮换补充计划 %1。新批次入库时在入库单“通知单号”处填写此编号。</source>
        <translation>Replacement plan %1 created. When the new batch arrives, enter this number as the receipt&apos;s notice number.</translation>
    </message>
    <message>
        <source>申请报废</source>
        <translation>Request scrapping</translation>
    </message>
    <message>
        <source>已提交报废申请 %1，待业务科室审批。</source>
        <translation>Scrap request %1 submitted; it awaits the officer&apos;s approval.</translation>
    </message>
    <message>
        <source>批准报废申请 %1 并从库存中核销？</source>
        <translation>Approve scrap request %1 and write it off the stock?</translation>
    </message>
    <message>
        <source>报废单 %1 已批准并记账。</source>
        <translation>Scrap document %1 approved and posted.</translation>
    </message>
    <message>
        <source>驳回报废申请</source>
        <translation>Refuse scrap request</translation>
    </message>
    <message>
        <source>不予批准的理由：</source>
        <translation>Reason for refusing:</translation>
    </message>
    <message>
        <source>报废申请已驳回。</source>
        <translation>The scrap request was refused.</translation>
    </message>
</context>
<context>
    <name>ScrapRequestDialog</name>
    <message>
        <source>过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>损坏</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>检验不合格</source>
        <translation>Failed inspection</translation>
    </message>
    <message>
        <source>申请报废</source>
        <translation>Request scrapping</translation>
    </message>
    <message>
        <source>报废原因</source>
        <translation>Reason for scrapping</translation>
    </message>
    <message>
        <source>报废数量</source>
        <translation>Quantity scrapped</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>报废申请提交后须经业务科室审批，批准后才从库存中核销。</source>
        <translation>A scrap request must be approved by an officer; only then is it written off the stock.</translation>
    </message>
</context>
<context>
    <name>ServerSettingsDialog</name>
    <message>
        <source>服务器连接设置</source>
        <translation>Server connection</translation>
    </message>
    <message>
        <source>例如 192.168.1.10 或 server-yjj</source>
        <translation>e.g. 192.168.1.10 or server-yjj</translation>
    </message>
    <message>
        <source>不加密（仅限可信局域网）</source>
        <translation>No encryption (trusted local network only)</translation>
    </message>
    <message>
        <source>要求加密 (require)</source>
        <translation>Require encryption (require)</translation>
    </message>
    <message>
        <source>加密并验证证书 (verify-full)</source>
        <translation>Encrypt and verify the certificate (verify-full)</translation>
    </message>
    <message>
        <source>说明：服务器地址、端口、数据库名和用户名保存在本机当前 Windows 用户的设置文件中；密码不保存，每次启动程序时询问。服务器的建立方法见 docs/SERVER.md。</source>
        <translation>Note: the server address, port, database name and user name are kept in this Windows user&apos;s settings on this computer; the password is not kept and is asked at every start. How to set up the server: docs/SERVER.md.</translation>
    </message>
    <message>
        <source>测试连接</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>改用本机数据库</source>
        <translation>Use the local database instead</translation>
    </message>
    <message>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>数据库名</source>
        <translation>Database name</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>加密</source>
        <translation>Encryption</translation>
    </message>
    <message>
        <source>正在连接…</source>
        <translation>Connecting…</translation>
    </message>
</context>
<context>
    <name>SourcesDialog</name>
    <message>
        <source>调拨来源 %1</source>
        <translation>Dispatch sources %1</translation>
    </message>
    <message>
        <source>第 %1 行 %2 %3</source>
        <translation>Line %1 %2 %3</translation>
    </message>
    <message>
        <source>储备库</source>
        <translation>Stores</translation>
    </message>
    <message>
        <source>可用（未预留）</source>
        <translation>Available (not reserved)</translation>
    </message>
    <message>
        <source>本单调用</source>
        <translation>Taken by this order</translation>
    </message>
    <message>
        <source>全部重新自动安排</source>
        <translation>Rearrange all automatically</translation>
    </message>
    <message>
        <source>保存此行来源</source>
        <translation>Save this line&apos;s sources</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>StandardsView</name>
    <message>
        <source>每人每天 %1 %2</source>
        <translation>%1 %2 per person per day</translation>
    </message>
    <message>
        <source>每 %1 人 1 %2</source>
        <translation>1 %2 per %1 people</translation>
    </message>
    <message>
        <source>固定 %1 %2</source>
        <translation>fixed %1 %2</translation>
    </message>
    <message>
        <source>需求项</source>
        <translation>Needs</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>计算方式</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>定额</source>
        <translation>Quota</translation>
    </message>
    <message>
        <source>关联物资</source>
        <translation>Linked items</translation>
    </message>
    <message>
        <source>排序</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>物资编码</source>
        <translation>Item code</translation>
    </message>
    <message>
        <source>物资名称</source>
        <translation>Item name</translation>
    </message>
    <message>
        <source>规格</source>
        <translation>Spec</translation>
    </message>
    <message>
        <source>折算系数</source>
        <translation>Conversion factor</translation>
    </message>
    <message>
        <source>定额标准</source>
        <translation>Standards</translation>
    </message>
    <message>
        <source>新建…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>复制…</source>
        <translation>Copy…</translation>
    </message>
    <message>
        <source>改名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>季节</source>
        <translation>Season</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>新增需求项…</source>
        <translation>New need…</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>删除需求项</source>
        <translation>Delete need</translation>
    </message>
    <message>
        <source>关联物资…</source>
        <translation>Link items…</translation>
    </message>
    <message>
        <source>修改系数…</source>
        <translation>Edit factor…</translation>
    </message>
    <message>
        <source>取消关联</source>
        <translation>Unlink</translation>
    </message>
    <message>
        <source>按名称自动关联默认标准</source>
        <translation>Link the default standard by name</translation>
    </message>
    <message>
        <source>满足该需求的物资</source>
        <translation>Items that meet this need</translation>
    </message>
    <message>
        <source>（默认）</source>
        <translation>(default)</translation>
    </message>
    <message>
        <source>满足“%1”的物资</source>
        <translation>Items that meet “%1”</translation>
    </message>
    <message>
        <source>新建定额标准</source>
        <translation>New standard</translation>
    </message>
    <message>
        <source>标准名称</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>复制定额标准</source>
        <translation>Copy standard</translation>
    </message>
    <message>
        <source>新标准名称</source>
        <translation>Name of the new standard</translation>
    </message>
    <message>
        <source>%1（副本）</source>
        <translation>%1 (copy)</translation>
    </message>
    <message>
        <source>改名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>新名称</source>
        <translation>New name</translation>
    </message>
    <message>
        <source>删除定额标准</source>
        <translation>Delete standard</translation>
    </message>
    <message>
        <source>确定删除定额标准“%1”及其全部需求项？</source>
        <translation>Delete the standard “%1” and all its needs?</translation>
    </message>
    <message>
        <source>修改定额标准</source>
        <translation>Edit standard</translation>
    </message>
    <message>
        <source>新增需求项</source>
        <translation>New need</translation>
    </message>
    <message>
        <source>修改需求项</source>
        <translation>Edit need</translation>
    </message>
    <message>
        <source>确定删除需求项“%1”？</source>
        <translation>Delete the need “%1”?</translation>
    </message>
    <message>
        <source>修改折算系数</source>
        <translation>Edit conversion factor</translation>
    </message>
    <message>
        <source>1 %1“%2”折合多少 %3：</source>
        <translation>How many %3 does 1 %1 of “%2” count as:</translation>
    </message>
    <message>
        <source>自动关联</source>
        <translation>Link automatically</translation>
    </message>
    <message>
        <source>已按名称、规格和分类为默认标准新增关联 %1 项。</source>
        <translation>%1 links added to the default standard by name, specification and category.</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>开始方式</source>
        <translation>How to start</translation>
    </message>
    <message>
        <source>选择如何开始使用。以后随时可以添加储备库、物资和入库记录。</source>
        <translation>Choose how to start. Stores, items and receipts can be added at any time later.</translation>
    </message>
    <message>
        <source>空库开始：自己建立储备库和物资目录</source>
        <translation>Start empty: set up your own stores and catalogue</translation>
    </message>
    <message>
        <source>装入示例县：带有两年台账的演示数据，用于熟悉程序</source>
        <translation>Load the demo county: two years of sample ledger to learn the program</translation>
    </message>
    <message>
        <source>（本版本未包含演示数据，将按空库开始）</source>
        <translation>(this version has no demo data; it will start empty)</translation>
    </message>
    <message>
        <source>导入 Excel 台账：从现有的库存表格开始</source>
        <translation>Import an Excel ledger: start from your existing stock workbook</translation>
    </message>
    <message>
        <source>（导入功能尚未提供，将按空库开始）</source>
        <translation>(import is not available yet; it will start empty)</translation>
    </message>
    <message>
        <source>选择要导入的 Excel 工作簿（.xlsx）</source>
        <translation>Choose the Excel workbook to import (.xlsx)</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>选择台账工作簿</source>
        <translation>Choose the ledger workbook</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>StockView</name>
    <message>
        <source>储备库</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>物资编码</source>
        <translation>Item code</translation>
    </message>
    <message>
        <source>物资名称</source>
        <translation>Item name</translation>
    </message>
    <message>
        <source>规格</source>
        <translation>Spec</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>生产日期</source>
        <translation>Produced</translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>已预留</source>
        <translation>Reserved</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>需轮换</source>
        <translation>Rotate now</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message numerus="yes">
        <source>轮换提前期 %n 天</source>
        <translation>
            <numerusform>Rotation lead time: %n day</numerusform>
            <numerusform>Rotation lead time: %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>搜索：名称、编码或拼音首字母（如 zp）</source>
        <translation>Search: name, code or pinyin initials (e.g. zp)</translation>
    </message>
    <message>
        <source>全部级别</source>
        <translation>All levels</translation>
    </message>
    <message>
        <source>全部有效期</source>
        <translation>Any expiry</translation>
    </message>
    <message>
        <source>需轮换（提前期内）</source>
        <translation>Due for rotation</translation>
    </message>
    <message>
        <source>30 天内到期</source>
        <translation>Expiring within 30 days</translation>
    </message>
    <message>
        <source>90 天内到期</source>
        <translation>Expiring within 90 days</translation>
    </message>
    <message>
        <source>全部储备库</source>
        <translation>All stores</translation>
    </message>
    <message>
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>全部分类</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>储备库：%1</source>
        <translation>Store: %1</translation>
    </message>
    <message>
        <source>储备库：%1 辖区</source>
        <translation>Stores: %1 and below</translation>
    </message>
    <message>
        <source>储备库：全部</source>
        <translation>Store: all</translation>
    </message>
    <message>
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>共 %1 行，金额合计 %2</source>
        <translation>%1 rows, total value %2</translation>
    </message>
    <message>
        <source>%1 天内到期</source>
        <translation>Expiring within %1 days</translation>
    </message>
</context>
<context>
    <name>StocktakeDialog</name>
    <message>
        <source>正在保存盘点结果…</source>
        <translation>Saving the stocktake…</translation>
    </message>
    <message>
        <source>盘点</source>
        <translation>Stocktake</translation>
    </message>
    <message>
        <source>导出盘点表（PDF）…</source>
        <translation>Export count sheet (PDF)…</translation>
    </message>
    <message>
        <source>盘点储备库</source>
        <translation>Store to count</translation>
    </message>
    <message>
        <source>查找：编码、名称、拼音或批次</source>
        <translation>Find: code, name, pinyin or batch</translation>
    </message>
    <message>
        <source>在“实盘数量”列填写清点结果（回车到下一行）；留空的批次不调整。</source>
        <translation>Type the counted quantities in the “Counted” column (Enter moves to the next row); batches left empty are not adjusted.</translation>
    </message>
    <message>
        <source>物资编码</source>
        <translation>Item code</translation>
    </message>
    <message>
        <source>物资名称</source>
        <translation>Item name</translation>
    </message>
    <message>
        <source>规格</source>
        <translation>Spec</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>批次号</source>
        <translation>Batch no.</translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>账面数量</source>
        <translation>Book quantity</translation>
    </message>
    <message>
        <source>实盘数量</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>差异</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>如：年度盘点、鼠害损耗、计量误差</source>
        <translation>e.g. annual stocktake, rodent damage, measuring error</translation>
    </message>
    <message>
        <source>盘盈盘亏原因</source>
        <translation>Reason for the differences</translation>
    </message>
    <message>
        <source>过账差异</source>
        <translation>Post differences</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在读取账面数量…</source>
        <translation>Reading the book quantities…</translation>
    </message>
    <message>
        <source>账外物资：账上没有、清点时发现的批次</source>
        <translation>Off-book goods: batches found in the count but not on the books</translation>
    </message>
    <message>
        <source>有效期至，可不填</source>
        <translation>Expiry date, optional</translation>
    </message>
    <message>
        <source>加入盘点表</source>
        <translation>Add to the count sheet</translation>
    </message>
    <message>
        <source>“%1”批次“%2”已在盘点表中，请直接填写它的实盘数量。</source>
        <translation>Batch “%2” of “%1” is already on the count sheet; enter its counted quantity there.</translation>
    </message>
    <message>
        <source>盘点表-%1-%2.pdf</source>
        <translation>Count sheet %1 %2.pdf</translation>
    </message>
    <message>
        <source>导出盘点表</source>
        <translation>Export count sheet</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>盘点表</source>
        <translation>Count sheet</translation>
    </message>
    <message>
        <source>盘点表已保存到 %1</source>
        <translation>Count sheet saved to %1</translation>
    </message>
    <message>
        <source>第 %1 行：</source>
        <translation>Line %1: </translation>
    </message>
    <message>
        <source>共 %1 个批次，已填写 %2 个；盘盈 %3 个，盘亏 %4 个。</source>
        <translation>%1 batches, %2 counted; %3 surplus, %4 short.</translation>
    </message>
    <message>
        <source>还没有填写任何实盘数量。</source>
        <translation>No counted quantity entered yet.</translation>
    </message>
    <message>
        <source>盘盈 %1 个批次、盘亏 %2 个批次，按实盘数量调整“%3”的账面？</source>
        <translation>%1 batches over and %2 short: adjust the books of “%3” to the counted quantities?</translation>
    </message>
    <message>
        <source>确认盘点</source>
        <translation>Confirm stocktake</translation>
    </message>
    <message>
        <source>未能过账盘点</source>
        <translation>The stocktake was not posted</translation>
    </message>
</context>
<context>
    <name>StoreDialog</name>
    <message>
        <source>编辑储备库</source>
        <translation>Edit store</translation>
    </message>
    <message>
        <source>新增储备库</source>
        <translation>New store</translation>
    </message>
    <message>
        <source>储备库编码</source>
        <translation>Store code</translation>
    </message>
    <message>
        <source>储备库名称</source>
        <translation>Store name</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>所在行政区</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>保管员 / 负责人</source>
        <translation>Keeper / person in charge</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>面积（m²）</source>
        <translation>Floor area (m²)</translation>
    </message>
    <message>
        <source>请先建立行政区，再新增储备库。</source>
        <translation>Create an area first, then add the store.</translation>
    </message>
</context>
<context>
    <name>StoreFilterCombo</name>
    <message>
        <source>全部储备库</source>
        <translation>All stores</translation>
    </message>
    <message>
        <source>%1 辖区</source>
        <translation>%1 and below</translation>
    </message>
    <message>
        <source>%1 及其下级行政区的全部储备库</source>
        <translation>Every store in %1 and in the areas below it</translation>
    </message>
</context>
<context>
    <name>StoreTree</name>
    <message>
        <source>全部储备库（%1）</source>
        <translation>All stores (%1)</translation>
    </message>
    <message>
        <source>储备库 %1 个 · 库存批次 %2</source>
        <translation>%1 stores · %2 stock lines</translation>
    </message>
    <message>
        <source>%1 · 库存批次 %2</source>
        <translation>%1 · %2 stock lines</translation>
    </message>
</context>
<context>
    <name>StoresView</name>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>行政区</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>保管员</source>
        <translation>Keeper</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>面积（m²）</source>
        <translation>Floor area (m²)</translation>
    </message>
    <message>
        <source>库存批次</source>
        <translation>Stock lines</translation>
    </message>
    <message>
        <source>搜索：编码、名称、地址、保管员、电话</source>
        <translation>Search: code, name, address, keeper, phone</translation>
    </message>
    <message>
        <source>新增储备库</source>
        <translation>New store</translation>
    </message>
    <message>
        <source>编辑储备库</source>
        <translation>Edit store</translation>
    </message>
    <message>
        <source>新增行政区</source>
        <translation>New area</translation>
    </message>
    <message>
        <source>查看库存</source>
        <translation>Show stock</translation>
    </message>
    <message>
        <source>储备库</source>
        <translation>Stores</translation>
    </message>
    <message>
        <source>全部行政区（%1 个储备库）</source>
        <translation>All areas (%1 stores)</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>正在保存调拨发出…</source>
        <translation>Saving the shipment…</translation>
    </message>
    <message>
        <source>正在保存调拨收货…</source>
        <translation>Saving the transfer receipt…</translation>
    </message>
    <message>
        <source>调拨</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>调拨发出</source>
        <translation>Ship transfer</translation>
    </message>
    <message>
        <source>调拨收货</source>
        <translation>Receive transfer</translation>
    </message>
    <message>
        <source>确认发出</source>
        <translation>Confirm shipment</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>调出储备库</source>
        <translation>Shipping store</translation>
    </message>
    <message>
        <source>调入储备库</source>
        <translation>Receiving store</translation>
    </message>
    <message>
        <source>依据文号</source>
        <translation>Reference no.</translation>
    </message>
    <message>
        <source>您没有可以记账的储备库，请联系管理员分配。</source>
        <translation>You have no store you may post in; ask the administrator to assign one.</translation>
    </message>
    <message>
        <source>请选择调入储备库。</source>
        <translation>Choose the receiving store.</translation>
    </message>
    <message>
        <source>调拨清单是空的，请先添加至少一行物资。</source>
        <translation>The transfer has no lines; add at least one item first.</translation>
    </message>
    <message>
        <source>在途调拨单</source>
        <translation>Transfers in transit</translation>
    </message>
    <message>
        <source>收货备注</source>
        <translation>Receipt remarks</translation>
    </message>
    <message>
        <source>物资编码</source>
        <translation>Item code</translation>
    </message>
    <message>
        <source>物资名称</source>
        <translation>Item name</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>发出</source>
        <translation>Ship</translation>
    </message>
    <message>
        <source>已收</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>在途</source>
        <translation>In transit</translation>
    </message>
    <message>
        <source>本次实收</source>
        <translation>Received now</translation>
    </message>
    <message>
        <source>“本次实收”默认为全部在途数量；只到了一部分时改成实到数量，其余继续在途。</source>
        <translation>“Received now” defaults to everything in transit; if only part arrived, enter what arrived and the rest stays in transit.</translation>
    </message>
    <message>
        <source>%1（%2 → %3，在途 %4 行）</source>
        <translation>%1 (%2 → %3, %4 lines in transit)</translation>
    </message>
    <message>
        <source>实收 %1 超过在途数量 %2%3。</source>
        <translation>Received %1 is more than the %2%3 in transit.</translation>
    </message>
    <message>
        <source>第 %1 行：</source>
        <translation>Line %1: </translation>
    </message>
    <message>
        <source>没有待收货的调拨单。</source>
        <translation>No transfers waiting to be received.</translation>
    </message>
    <message>
        <source>本次收货数量全部为 0，请至少填写一行实收数量。</source>
        <translation>All quantities received are 0; enter at least one line received.</translation>
    </message>
    <message>
        <source>确认收货</source>
        <translation>Confirm receipt</translation>
    </message>
    <message>
        <source>从“%1”调拨 %2 行物资到“%3”？发出后物资显示为在途，直到对方收货。</source>
        <translation>Transfer %2 lines from “%1” to “%3”? Once shipped the goods show as in transit until received.</translation>
    </message>
    <message>
        <source>调拨单 %1 本次收货共 %2？未收到的部分继续在途。</source>
        <translation>Receive %2 on transfer %1 now? Whatever has not arrived stays in transit.</translation>
    </message>
    <message>
        <source>确认调拨</source>
        <translation>Confirm transfer</translation>
    </message>
    <message>
        <source>未能保存调拨</source>
        <translation>The transfer was not saved</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>新建用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>修改用户 %1</source>
        <translation>Edit user %1</translation>
    </message>
    <message>
        <source>至少 8 个字符；留空则首次登录时设置</source>
        <translation>At least 8 characters; leave empty to set it at the first sign-in</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>负责储备库（保管员）</source>
        <translation>Stores in charge (keepers)</translation>
    </message>
    <message>
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
</context>
<context>
    <name>UsersView</name>
    <message>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>锁定至 %1</source>
        <translation>Locked until %1</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>未设密码</source>
        <translation>No password set</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>负责储备库</source>
        <translation>Stores</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>新建用户…</source>
        <translation>New user…</translation>
    </message>
    <message>
        <source>角色和储备库…</source>
        <translation>Role and stores…</translation>
    </message>
    <message>
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>解除锁定</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>停用 / 启用</source>
        <translation>Deactivate / activate</translation>
    </message>
    <message>
        <source>用户不会被删除（单据和审计日志仍指向他们），只能停用。所有修改都记入审计日志。</source>
        <translation>Users are never deleted (documents and the audit log still point to them), only deactivated. Every change is recorded in the audit log.</translation>
    </message>
    <message>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>用户 %1 的新密码（至少 8 个字符）：</source>
        <translation>New password for %1 (at least 8 characters):</translation>
    </message>
    <message>
        <source>新建用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>用户管理</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>请先在表格中选中一个用户。</source>
        <translation>Select a user in the table first.</translation>
    </message>
    <message>
        <source>保管员至少需要分配一个储备库。</source>
        <translation>A keeper needs at least one store.</translation>
    </message>
    <message>
        <source>修改用户</source>
        <translation>Edit user</translation>
    </message>
    <message>
        <source>已重置 %1 的密码并解除锁定。</source>
        <translation>The password of %1 was reset and the account unlocked.</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>deactivate</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>activate</translation>
    </message>
    <message>
        <source>确定%1用户 %2 吗？</source>
        <translation>Really %1 user %2?</translation>
    </message>
</context>
<context>
    <name>_ValuesDialog</name>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%1不能为空。</source>
        <translation>%1 must not be empty.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>导入界面尚未提供，请使用命令行 reserve-keeper import 导入台账。</source>
        <translation>The import screen is not available yet; import the ledger with the command reserve-keeper import.</translation>
    </message>
    <message>
        <source>设置完成</source>
        <translation>Setup complete</translation>
    </message>
    <message>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
</context>
<context>
    <name>error_handler</name>
    <message>
        <source>程序遇到了一个意外错误，刚才的操作可能没有完成。已保存的数据不受影响。

错误详情已写入日志文件。如需帮助，请把日志文件夹中的 reserve-keeper.log 发给技术支持人员。

（%1）</source>
        <translation>The program ran into an unexpected error; what you just did may not have been completed. Data already saved is not affected.

The details were written to the log file. For help, send reserve-keeper.log from the log folder to technical support.

(%1)</translation>
    </message>
    <message>
        <source>储备管家 · 意外错误</source>
        <translation>ReserveKeeper · Unexpected error</translation>
    </message>
    <message>
        <source>打开日志文件夹</source>
        <translation>Open log folder</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>入库单</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>出库单</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>调拨出库单</source>
        <translation>Transfer out</translation>
    </message>
    <message>
        <source>调拨入库单</source>
        <translation>Transfer in</translation>
    </message>
    <message>
        <source>盘点调整单</source>
        <translation>Stocktake adjustment</translation>
    </message>
    <message>
        <source>报废单</source>
        <translation>Scrap</translation>
    </message>
    <message>
        <source>冲销单</source>
        <translation>Reversal</translation>
    </message>
    <message>
        <source>政府实物储备</source>
        <translation>Government physical reserve</translation>
    </message>
    <message>
        <source>部门储备</source>
        <translation>Department reserve</translation>
    </message>
    <message>
        <source>群众号料</source>
        <translation>Pledged household stock</translation>
    </message>
    <message>
        <source>县级</source>
        <translation>County</translation>
    </message>
    <message>
        <source>乡镇级</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>村级</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>业务科室</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>保管员</source>
        <translation>Keeper</translation>
    </message>
    <message>
        <source>查看</source>
        <translation>Viewer</translation>
    </message>
    <message>
        <source>未分类</source>
        <translation>Uncategorised</translation>
    </message>
    <message>
        <source>待审批</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <source>已审批</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>已出库</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>已签收</source>
        <translation>Signed for</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>已冲销</source>
        <translation>Reversed</translation>
    </message>
    <message>
        <source>每人每天</source>
        <translation>Per person per day</translation>
    </message>
    <message>
        <source>每 N 人一件</source>
        <translation>One per N people</translation>
    </message>
    <message>
        <source>固定数量</source>
        <translation>Fixed quantity</translation>
    </message>
    <message>
        <source>全年</source>
        <translation>All year</translation>
    </message>
    <message>
        <source>夏季</source>
        <translation>Summer</translation>
    </message>
    <message>
        <source>冬季</source>
        <translation>Winter</translation>
    </message>
    <message>
        <source>记账</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>冲销</source>
        <translation>Reverse</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>审批</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Back up</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>出库</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>接收</source>
        <translation>Receive</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>确认</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>生效</source>
        <translation>Put into force</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Announce</translation>
    </message>
    <message>
        <source>动用</source>
        <translation>Call up</translation>
    </message>
    <message>
        <source>核查</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>紧急出库</source>
        <translation>Emergency issue</translation>
    </message>
    <message>
        <source>安装</source>
        <translation>Install</translation>
    </message>
    <message>
        <source>关联</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>拟定来源</source>
        <translation>Propose sources</translation>
    </message>
    <message>
        <source>驳回</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>重命名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>续签</source>
        <translation>Renew</translation>
    </message>
    <message>
        <source>补库</source>
        <translation>Restock</translation>
    </message>
    <message>
        <source>申请</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>归还</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>调整来源</source>
        <translation>Change sources</translation>
    </message>
    <message>
        <source>终止</source>
        <translation>Terminate</translation>
    </message>
    <message>
        <source>取消关联</source>
        <translation>Unlink</translation>
    </message>
    <message>
        <source>实物代储</source>
        <translation>Physical storage by enterprise</translation>
    </message>
    <message>
        <source>产能储备</source>
        <translation>Capacity reserve</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>有效</source>
        <translation>In force</translation>
    </message>
    <message>
        <source>已到期</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>已终止</source>
        <translation>Terminated</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>{field} {value} 过大，请检查是否多输了位数。</source>
        <translation>{field} {value} is too large: check for extra digits.</translation>
    </message>
    <message>
        <source>{field}“{name}”对应多个行政区（{codes}），请写成“名称（编码）”以区分。</source>
        <translation>{field} “{name}” matches several areas ({codes}); write it as “name (code)” to tell them apart.</translation>
    </message>
    <message>
        <source>{field}“{text}”不是有效日期，请写成 2026-05-01 的格式。</source>
        <translation>{field} “{text}” is not a valid date: write it as 2026-05-01.</translation>
    </message>
    <message>
        <source>{field}“{text}”只能由字母、数字和 - _ . / 组成。</source>
        <translation>{field} “{text}” may contain only letters, digits and - _ . /.</translation>
    </message>
    <message>
        <source>{field}“{value}”不是数字。</source>
        <translation>{field} “{value}” is not a number.</translation>
    </message>
    <message>
        <source>{field}“{value}”不是数字，请填写如 100 或 12.5 的数。</source>
        <translation>{field} “{value}” is not a number: enter a number such as 100 or 12.5.</translation>
    </message>
    <message>
        <source>{field}“{value}”不是有效数字。</source>
        <translation>{field} “{value}” is not a valid number.</translation>
    </message>
    <message>
        <source>{field}“{value}”不是有效日期，请写成 2026-05-01 的格式。</source>
        <translation>{field} “{value}” is not a valid date; write it like 2026-05-01.</translation>
    </message>
    <message>
        <source>{field}“{value}”不是金额，请填写如 36000 或 36000.50。</source>
        <translation>{field} “{value}” is not an amount: enter an amount such as 36000 or 36000.50.</translation>
    </message>
    <message>
        <source>{field}“{value}”无效，{hint}</source>
        <translation>{field} “{value}” is not valid: {hint}</translation>
    </message>
    <message>
        <source>{field}“{value}”无法识别（{reason}）。</source>
        <translation>{field} “{value}” cannot be read ({reason}).</translation>
    </message>
    <message>
        <source>{field}“{value}”无法识别，请填写“是”或“否”。</source>
        <translation>{field} “{value}” is not understood; enter “是” (yes) or “否” (no).</translation>
    </message>
    <message>
        <source>{field}不能为空。</source>
        <translation>{field} must not be empty.</translation>
    </message>
    <message>
        <source>{field}不能为空，请写成 2026-05-01 的格式。</source>
        <translation>{field} is empty: enter a date such as 2026-05-01.</translation>
    </message>
    <message>
        <source>{field}不能为空，请填写。</source>
        <translation>{field} is empty; please fill it in.</translation>
    </message>
    <message>
        <source>{field}不能为空，请填写一个正数。</source>
        <translation>{field} is empty: enter a positive number.</translation>
    </message>
    <message>
        <source>{field}不能为负数（现为 {value}）。</source>
        <translation>{field} cannot be negative (it is {value}).</translation>
    </message>
    <message>
        <source>{field}中含有不可见的控制字符，请删除后重试。</source>
        <translation>{field} contains invisible control characters: delete them and try again.</translation>
    </message>
    <message>
        <source>{field}太长（{length} 个字符），最多 {max_length} 个字符。</source>
        <translation>{field} is too long ({length} characters); at most {max_length} characters.</translation>
    </message>
    <message>
        <source>{field}应为 {minimum} 到 {maximum} 之间的整数（现为 {value}）。</source>
        <translation>{field} must be a whole number from {minimum} to {maximum} (it is {value}).</translation>
    </message>
    <message>
        <source>{field}必须大于 0（现为 {value}）。</source>
        <translation>{field} must be greater than 0 (it is {value}).</translation>
    </message>
    <message>
        <source>{field}必须是不小于 {lowest} 的整数（现为 {value}）。</source>
        <translation>{field} must be a whole number of at least {lowest} (it is {value}).</translation>
    </message>
    <message>
        <source>{field}最多保留三位小数（现为 {value}）。</source>
        <translation>{field} may have at most three decimals (it is {value}).</translation>
    </message>
    <message>
        <source>{field}最多保留两位小数（现为 {value}）。</source>
        <translation>{field} may have at most two decimals (it is {value}).</translation>
    </message>
    <message>
        <source>{field}最多到分（两位小数），现为 {value}。</source>
        <translation>{field} may have at most two decimals (fen); it is {value}.</translation>
    </message>
    <message>
        <source>{label}：{schedule}（{target}）</source>
        <translation>{label}: {schedule} ({target})</translation>
    </message>
    <message>
        <source>{last_year} 年度储存情况报告须于 {year} 年 1 月 10 日前报送</source>
        <translation>The {last_year} annual storage report is due by 10 January {year}</translation>
    </message>
    <message>
        <source>{level}储备库</source>
        <translation>{level} stores</translation>
    </message>
    <message>
        <source>{mode}，不计入政府实物储备</source>
        <translation>{mode}: not counted as government stock</translation>
    </message>
    <message>
        <source>{name}“{value}”含有空格或控制字符，请检查。</source>
        <translation>{name} “{value}” contains spaces or control characters. Check it.</translation>
    </message>
    <message>
        <source>{name}不能为空。</source>
        <translation>{name} must not be empty.</translation>
    </message>
    <message>
        <source>{number} 尚未记账，不需要冲销。</source>
        <translation>{number} has not been posted, so it needs no reversal.</translation>
    </message>
    <message>
        <source>{number} 已被 {existing} 冲销，不能重复冲销。</source>
        <translation>{number} was already reversed by {existing}; it cannot be reversed twice.</translation>
    </message>
    <message>
        <source>{number} 本身是冲销单，不能再冲销。如冲销有误，请重新录入正确的单据。</source>
        <translation>{number} is itself a reversal and cannot be reversed. If the reversal was wrong, enter the correct document again.</translation>
    </message>
    <message>
        <source>{prefix}有效期至 {expiry} 早于生产日期 {production}，请检查日期。</source>
        <translation>{prefix}Expiry date {expiry} is before production date {production}. Check the dates.</translation>
    </message>
    <message>
        <source>{quantity}{unit}，{when}</source>
        <translation>{quantity} {unit}, {when}</translation>
    </message>
    <message>
        <source>{scope}（储存满 {years} 年）</source>
        <translation>{scope} (stored {years} years or more)</translation>
    </message>
    <message>
        <source>{setting}“{value}”不是整数。</source>
        <translation>{setting} “{value}” is not a whole number.</translation>
    </message>
    <message>
        <source>{setting}“{value}”不是有效时间。</source>
        <translation>{setting} “{value}” is not a valid time.</translation>
    </message>
    <message>
        <source>{setting}“{value}”应为 是/否（true/false）。</source>
        <translation>{setting} “{value}” must be yes or no (true/false).</translation>
    </message>
    <message>
        <source>{setting}不能大于 {maximum}（现为 {number}）。</source>
        <translation>{setting} cannot be more than {maximum} (it is {number}).</translation>
    </message>
    <message>
        <source>{setting}不能小于 {minimum}（现为 {number}）。</source>
        <translation>{setting} cannot be less than {minimum} (it is {number}).</translation>
    </message>
    <message>
        <source>{setting}含有控制字符或太长（最多 1000 字符）。</source>
        <translation>{setting} contains control characters or is too long (at most 1000 characters).</translation>
    </message>
    <message>
        <source>{setting}必须是带时区的时间。</source>
        <translation>{setting} must be a time with a time zone.</translation>
    </message>
    <message>
        <source>{status}：{item} 批次 {batch}（{store}）</source>
        <translation>{status}: {item}, batch {batch} ({store})</translation>
    </message>
    <message>
        <source>{target} 是文件夹，请给出备份文件名，例如 {example}。</source>
        <translation>{target} is a folder. Give a backup file name, e.g. {example}.</translation>
    </message>
    <message>
        <source>{what}“{code}”与第 {row} 行完全相同，已忽略重复行。</source>
        <translation>{what} “{code}” repeats row {row} exactly; the duplicate row was ignored.</translation>
    </message>
    <message>
        <source>{what}“{code}”与第 {row} 行重复，但内容不同，请只保留一行。</source>
        <translation>{what} “{code}” repeats row {row} with different content; keep only one row.</translation>
    </message>
    <message>
        <source>{year} 年度报废审核将于 10 月 31 日截止</source>
        <translation>The {year} annual scrapping review closes on 31 October</translation>
    </message>
    <message>
        <source>{year}年第{quarter}季度</source>
        <translation>Q{quarter} {year}</translation>
    </message>
    <message>
        <source>“{item_name}”实查数量</source>
        <translation>Quantity found of “{item_name}”</translation>
    </message>
    <message>
        <source>“{item}”批次 {batch_no} 在途只有 {in_transit}{unit}，实收 {quantity} 超过在途数量。</source>
        <translation>“{item}” batch {batch_no} has only {in_transit} {unit} in transit; {quantity} received is more than that.</translation>
    </message>
    <message>
        <source>“{item}”批次“{batch_no}”已于 {expiry_date} 过期，不能出库。过期物资请办理报废。</source>
        <translation>“{item}” batch “{batch_no}” expired on {expiry_date} and cannot be issued. Scrap expired goods instead.</translation>
    </message>
    <message>
        <source>“{sheet}”第 {row} 行：</source>
        <translation>“{sheet}” row {row}: </translation>
    </message>
    <message>
        <source>上次备份时间</source>
        <translation>Last backup time</translation>
    </message>
    <message>
        <source>上级分类“{parent_code}”不存在，请先建立上级分类。</source>
        <translation>Parent category “{parent_code}” does not exist. Create the parent category first.</translation>
    </message>
    <message>
        <source>上级行政区</source>
        <translation>Parent area</translation>
    </message>
    <message>
        <source>不支持的设置类型：{type}</source>
        <translation>Unsupported setting type: {type}</translation>
    </message>
    <message>
        <source>不能停用自己正在使用的账户。</source>
        <translation>You cannot deactivate the account you are using.</translation>
    </message>
    <message>
        <source>与第 {row} 行是同一库、同一物资、同一批次，数量将累加。</source>
        <translation>Same store, item and batch as row {row}; the quantities will be added up.</translation>
    </message>
    <message>
        <source>两次输入的密码不一致，密码未修改。</source>
        <translation>The two passwords differ; the password was not changed.</translation>
    </message>
    <message>
        <source>代储企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>企业名称</source>
        <translation>Enterprise name</translation>
    </message>
    <message>
        <source>企业地址</source>
        <translation>Enterprise address</translation>
    </message>
    <message>
        <source>供应商</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>依据文号</source>
        <translation>Reference no.</translation>
    </message>
    <message>
        <source>保管员至少需要分配一个储备库。</source>
        <translation>A keeper needs at least one store.</translation>
    </message>
    <message>
        <source>保管员至少需要分配一个储备库（--store 编码）。</source>
        <translation>A keeper needs at least one store (--store CODE).</translation>
    </message>
    <message>
        <source>保质期（月）</source>
        <translation>Shelf life (months)</translation>
    </message>
    <message>
        <source>修改物资目录、储备库和标准需要“业务科室”或“管理员”角色，您的角色是“{role}”。</source>
        <translation>Changing the catalogue, stores and standards needs the “Officer” or “Administrator” role; you have the role “{role}”.</translation>
    </message>
    <message>
        <source>储备库</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>储备库“{code}”已存在（名称“{name}”），保留原有信息，未修改。</source>
        <translation>Store “{code}” already exists (named “{name}”); the existing details were kept unchanged.</translation>
    </message>
    <message>
        <source>储备库“{code}”此前已导入过其他期初库存（入库单 {document}），本次内容不同，将再次入库；如属重复，请导入后冲销。</source>
        <translation>Other opening stock was imported for store “{code}” before (receipt {document}); this content differs and will be received again. If it is a duplicate, reverse it after importing.</translation>
    </message>
    <message>
        <source>储备库“{code}”的这些期初库存已经导入过（入库单 {document}），本次未重复入库。</source>
        <translation>This opening stock of store “{code}” was already imported (receipt {document}); it was not received again.</translation>
    </message>
    <message>
        <source>储备库“{store}”的“{item}”可用库存只有 {usable}{unit}{extra}，本次需要 {quantity}{unit}。请减少数量，或从其他储备库调拨。</source>
        <translation>Store “{store}” has only {usable} {unit} of “{item}” available{extra}; {quantity} {unit} is needed. Reduce the quantity or transfer from another store.</translation>
    </message>
    <message>
        <source>储备库“{store}”的“{item}”批次“{batch_no}”只有 {on_hand}{unit}{extra}，不足 {quantity}{unit}。</source>
        <translation>Store “{store}” has only {on_hand} {unit} of “{item}” batch “{batch_no}”{extra}, less than {quantity} {unit}.</translation>
    </message>
    <message>
        <source>储备库名称</source>
        <translation>Store name</translation>
    </message>
    <message>
        <source>储备库编码</source>
        <translation>Store code</translation>
    </message>
    <message>
        <source>储备库编码“{code}”不存在：数据库和本工作簿的“储备库”表中都没有。</source>
        <translation>Store code “{code}” does not exist: it is neither in the database nor in this workbook&apos;s 储备库 (stores) sheet.</translation>
    </message>
    <message>
        <source>储备库编码“{code}”已存在，请换一个编码。</source>
        <translation>Store code “{code}” already exists. Choose another code.</translation>
    </message>
    <message>
        <source>储备类别</source>
        <translation>Reserve category</translation>
    </message>
    <message>
        <source>储存年限</source>
        <translation>Years in storage</translation>
    </message>
    <message>
        <source>入库单至少需要一行物资。</source>
        <translation>A receipt needs at least one item line.</translation>
    </message>
    <message>
        <source>全部储备库</source>
        <translation>All stores</translation>
    </message>
    <message>
        <source>养护检查</source>
        <translation>Maintenance check</translation>
    </message>
    <message>
        <source>养护类型</source>
        <translation>Maintenance type</translation>
    </message>
    <message>
        <source>养护类型“{kind}”无效。</source>
        <translation>Maintenance type “{kind}” is not valid.</translation>
    </message>
    <message>
        <source>养护计划</source>
        <translation>Maintenance plan</translation>
    </message>
    <message>
        <source>养护计划“{schedule_name}”只适用于储备库 {store_code}。</source>
        <translation>Maintenance plan “{schedule_name}” applies only to store {store_code}.</translation>
    </message>
    <message>
        <source>养护计划“{schedule_name}”按批次抽检，请指定物资和批次。</source>
        <translation>Maintenance plan “{schedule_name}” samples by batch: choose the item and the batch.</translation>
    </message>
    <message>
        <source>养护计划“{schedule_name}”按物资检查，请指定物资。</source>
        <translation>Maintenance plan “{schedule_name}” checks by item: choose the item.</translation>
    </message>
    <message>
        <source>养护计划只能按物资或按分类之一设定，不能同时指定。</source>
        <translation>A maintenance plan is set either for an item or for a category, not both.</translation>
    </message>
    <message>
        <source>养护计划编码“{code}”已存在。</source>
        <translation>Maintenance plan code “{code}” already exists.</translation>
    </message>
    <message>
        <source>养护逾期</source>
        <translation>Inspection overdue</translation>
    </message>
    <message>
        <source>内存数据库不能备份。</source>
        <translation>An in-memory database cannot be backed up.</translation>
    </message>
    <message>
        <source>冲销</source>
        <translation>reverse</translation>
    </message>
    <message>
        <source>冲销原因</source>
        <translation>Reason for reversal</translation>
    </message>
    <message>
        <source>出库</source>
        <translation>issue</translation>
    </message>
    <message>
        <source>出库单至少需要一行物资。</source>
        <translation>An issue slip needs at least one item line.</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>分类 {code} {name}</source>
        <translation>Category {code} {name}</translation>
    </message>
    <message>
        <source>分类名称</source>
        <translation>Category name</translation>
    </message>
    <message>
        <source>分类编码</source>
        <translation>Category code</translation>
    </message>
    <message>
        <source>分类编码“{code}”不存在，上级分类“{prefix}”也不存在；请填写分类名称，或先在物资目录中建立分类。</source>
        <translation>Category code “{code}” does not exist, nor does its parent category “{prefix}”; fill in the category name, or create the category in the catalogue first.</translation>
    </message>
    <message>
        <source>分类编码“{code}”已存在。</source>
        <translation>Category code “{code}” already exists.</translation>
    </message>
    <message>
        <source>分类编码“{code}”格式不对：应为 1 位大类、3 位中类、5 位小类或 7 位细类数字，如 1、101、10101。</source>
        <translation>Category code “{code}” has the wrong form: use 1, 3, 5 or 7 digits (class, group, subgroup, detail), e.g. 1, 101, 10101.</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>delete</translation>
    </message>
    <message>
        <source>动用数量</source>
        <translation>Call-up quantity</translation>
    </message>
    <message>
        <source>动用时间</source>
        <translation>Call-up time</translation>
    </message>
    <message>
        <source>动用时间必须带时区。</source>
        <translation>The call-up time must include a time zone.</translation>
    </message>
    <message>
        <source>动用记录</source>
        <translation>Call-up</translation>
    </message>
    <message>
        <source>协议</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>协议“{agreement_number}”{state_label}，不能再修改；如需继续合作，请续签。</source>
        <translation>Agreement “{agreement_number}” is {state_label} and can no longer be changed; renew it to continue the cooperation.</translation>
    </message>
    <message>
        <source>协议“{agreement_number}”在 {day} 不在有效期内（状态“{label}”，期限 {start_date} 至 {end_date}），不能动用。</source>
        <translation>Agreement “{agreement_number}” is not in force on {day} (state “{label}”, term {start_date} to {end_date}), so nothing can be called up.</translation>
    </message>
    <message>
        <source>协议“{agreement_number}”的“{item_name}”目前可动用 {available}{item_unit}，不足 {amount}{item_unit}。请减少数量或另选协议。</source>
        <translation>Agreement “{agreement_number}” has only {available} {item_unit} of “{item_name}” available, less than {amount} {item_unit}. Reduce the quantity or choose another agreement.</translation>
    </message>
    <message>
        <source>协议“{number}”中没有物资“{code}”，请检查物资编码。</source>
        <translation>Agreement “{number}” has no item “{code}”: check the item code.</translation>
    </message>
    <message>
        <source>协议“{number}”中没有物资“{item_code}”。</source>
        <translation>Agreement “{number}” has no item “{item_code}”.</translation>
    </message>
    <message>
        <source>协议“{number}”中物资“{item}”与第 {row} 行重复，请合并为一行。</source>
        <translation>Item “{item}” of agreement “{number}” repeats row {row}; merge them into one row.</translation>
    </message>
    <message>
        <source>协议“{number}”已存在，保留原有协议，未修改。</source>
        <translation>Agreement “{number}” already exists; the existing agreement was kept unchanged.</translation>
    </message>
    <message>
        <source>协议“{number}”已是“{state_label}”状态，不能再终止。</source>
        <translation>Agreement “{number}” is already “{state_label}” and cannot be terminated.</translation>
    </message>
    <message>
        <source>协议“{number}”已续签为“{renewed}”，请续签最新的协议。</source>
        <translation>Agreement “{number}” was already renewed as “{renewed}”: renew the latest agreement.</translation>
    </message>
    <message>
        <source>协议“{number}”当前状态为“{label}”，只有草稿可以生效。</source>
        <translation>Agreement “{number}” is “{label}”; only a draft can be activated.</translation>
    </message>
    <message>
        <source>协议“{number}”的企业、类型、期限或费用与第 {row} 行不一致，同一协议的各行应相同。</source>
        <translation>The enterprise, type, term or fee of agreement “{number}” differ from row {row}; all rows of one agreement must agree.</translation>
    </message>
    <message>
        <source>协议“{number}”的结束日期 {end_date} 已过，不能生效；请修改期限或续签。</source>
        <translation>The end date {end_date} of agreement “{number}” has passed, so it cannot be activated; change the term or renew it.</translation>
    </message>
    <message>
        <source>协议“{number}”还是草稿，生效后才能核查。</source>
        <translation>Agreement “{number}” is still a draft: activate it before recording checks.</translation>
    </message>
    <message>
        <source>协议“{number}”还是草稿，请直接修改期限，不必续签。</source>
        <translation>Agreement “{number}” is still a draft: change its term directly instead of renewing.</translation>
    </message>
    <message>
        <source>协议“{number}”还没有物资明细，请先添加至少一行物资再生效。</source>
        <translation>Agreement “{number}” has no items yet: add at least one item line before activating it.</translation>
    </message>
    <message>
        <source>协议储备 {agreement}</source>
        <translation>Agreement reserve {agreement}</translation>
    </message>
    <message>
        <source>协议物资</source>
        <translation>Agreement item</translation>
    </message>
    <message>
        <source>协议类型</source>
        <translation>Agreement type</translation>
    </message>
    <message>
        <source>协议类型“{value}”无效，应为“实物代储”或“产能储备”（physical/capacity）。</source>
        <translation>Agreement type “{value}” is not valid: use physical (实物代储) or capacity (产能储备).</translation>
    </message>
    <message>
        <source>协议编号</source>
        <translation>Agreement number</translation>
    </message>
    <message>
        <source>协议编号“{new_number}”已存在，请换一个编号。</source>
        <translation>Agreement number “{new_number}” already exists: choose another number.</translation>
    </message>
    <message>
        <source>协议编号“{number}”已存在，请换一个编号，或修改原协议。</source>
        <translation>Agreement number “{number}” already exists: choose another number or edit the existing agreement.</translation>
    </message>
    <message>
        <source>单价</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <source>单价不能为负数。</source>
        <translation>The unit price cannot be negative.</translation>
    </message>
    <message>
        <source>单号</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>单据</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>原密码不正确。</source>
        <translation>The current password is wrong.</translation>
    </message>
    <message>
        <source>发现的问题</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <source>口头指令</source>
        <translation>Verbal instruction</translation>
    </message>
    <message>
        <source>另一位用户正在同时修改相同的库存或数据，为避免冲突，本次操作已取消，没有做任何更改。请重试。</source>
        <translation>Another user was changing the same stock or data at the same time. To avoid a conflict this action was cancelled and nothing was changed. Please try again.</translation>
    </message>
    <message>
        <source>另有 {promised}{unit} 已被其他调拨单预留</source>
        <translation>{promised} {unit} more is reserved by other dispatch orders</translation>
    </message>
    <message>
        <source>另有 {quantity}{unit} 已被审批的调拨单预留</source>
        <translation>another {quantity} {unit} is reserved for approved transfers</translation>
    </message>
    <message>
        <source>另有已过期 {expired}{unit}</source>
        <translation>{expired} {unit} more has expired</translation>
    </message>
    <message>
        <source>另有已过期 {quantity}{unit}，过期物资只能报废</source>
        <translation>another {quantity} {unit} has expired and can only be scrapped</translation>
    </message>
    <message>
        <source>合同扫描件</source>
        <translation>Contract scan</translation>
    </message>
    <message>
        <source>后续处理</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>响应时限“{value}”不是整数小时数，请填写如 6 或 24。</source>
        <translation>Response time “{value}” is not a whole number of hours: enter e.g. 6 or 24.</translation>
    </message>
    <message>
        <source>响应时限必须是 1 到 8760 之间的整数小时（现为 {value}）。</source>
        <translation>Response time must be a whole number of hours from 1 to 8760 (it is {value}).</translation>
    </message>
    <message>
        <source>响应时限（小时）</source>
        <translation>Response time (hours)</translation>
    </message>
    <message>
        <source>在前 {rows} 行中找不到“{kind}”的表头（如 {headers}）。</source>
        <translation>No header row of “{kind}” found in the first {rows} rows (expected headers such as {headers}).</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>备份文件</source>
        <translation>Backup file</translation>
    </message>
    <message>
        <source>备份文件 {source} 已损坏（完整性检查：{problems}），不能用于恢复。请换一个备份。</source>
        <translation>Backup file {source} is damaged (integrity check: {problems}) and cannot be restored. Choose another backup.</translation>
    </message>
    <message>
        <source>备份文件 {source} 无法升级到本程序的版本：{exc}</source>
        <translation>Backup file {source} cannot be upgraded to this program&apos;s version: {exc}</translation>
    </message>
    <message>
        <source>备份文件 {source} 无法打开：{message}</source>
        <translation>Backup file {source} cannot be opened: {message}</translation>
    </message>
    <message>
        <source>备份文件 {source} 未通过自检（{failed}），不能用于恢复。请换一个备份。</source>
        <translation>Backup file {source} failed the self-check ({failed}) and cannot be restored. Choose another backup.</translation>
    </message>
    <message>
        <source>备份文件 {source} 的数据库版本（{versions}）本程序不认识，可能由更新版本的储备管家创建。请先升级本程序。</source>
        <translation>This program does not know the database version ({versions}) of backup file {source}; it may come from a newer ReserveKeeper. Upgrade this program first.</translation>
    </message>
    <message>
        <source>备份文件不能是当前数据库本身，请选择另一个文件名。</source>
        <translation>The backup file cannot be the current database itself. Choose another file name.</translation>
    </message>
    <message>
        <source>备份文件就是当前数据库，无需恢复。</source>
        <translation>The backup file is the current database; there is nothing to restore.</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>天数</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>天数必须是 0 到 3650 之间的整数（现为 {days}）。</source>
        <translation>Days must be a whole number from 0 to 3650 (it is {days}).</translation>
    </message>
    <message>
        <source>如 6 或 24</source>
        <translation>e.g. 6 or 24</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>存放位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>存放地点</source>
        <translation>Storage place</translation>
    </message>
    <message>
        <source>季节</source>
        <translation>Season</translation>
    </message>
    <message>
        <source>季节“{value}”无效，应为 全年、夏季 或 冬季（any/summer/winter）。</source>
        <translation>Season “{value}” is not valid: use any, summer or winter.</translation>
    </message>
    <message>
        <source>完好数量</source>
        <translation>Quantity in good condition</translation>
    </message>
    <message>
        <source>定额标准</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>定额标准“{standard_name}”中已有需求项“{name}”。</source>
        <translation>Standard “{standard_name}” already has a need “{name}”.</translation>
    </message>
    <message>
        <source>定额标准“{standard_name}”中没有需求项“{name}”。</source>
        <translation>Standard “{standard_name}” has no need “{name}”.</translation>
    </message>
    <message>
        <source>定额标准“{standard_name}”中没有需求项“{need_name}”。</source>
        <translation>Standard “{standard_name}” has no need “{need_name}”.</translation>
    </message>
    <message>
        <source>实收数量</source>
        <translation>Quantity received</translation>
    </message>
    <message>
        <source>实查数量</source>
        <translation>Quantity found</translation>
    </message>
    <message>
        <source>实盘数量</source>
        <translation>Counted quantity</translation>
    </message>
    <message>
        <source>审批</source>
        <translation>approve</translation>
    </message>
    <message>
        <source>审批意见</source>
        <translation>Approval note</translation>
    </message>
    <message>
        <source>审批需要“业务科室”或“管理员”角色，您（{username}）的角色是“{role}”。</source>
        <translation>Approval needs the “Officer” or “Administrator” role; you ({username}) have the role “{role}”.</translation>
    </message>
    <message>
        <source>审计日志涵盖全部储备库，保管员（{username}）不能查看。如需查询，请联系管理员或业务科室。</source>
        <translation>The audit log covers all stores, so a keeper ({username}) cannot view it. Ask an administrator or the business office.</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>密码至少需要 {length} 个字符。</source>
        <translation>The password needs at least {length} characters.</translation>
    </message>
    <message>
        <source>导入已取消，数据库没有任何改动。</source>
        <translation>Import cancelled; nothing in the database was changed.</translation>
    </message>
    <message>
        <source>工作簿</source>
        <translation>Workbook</translation>
    </message>
    <message>
        <source>工作表“{sheet}”不是可导入的表（{sheets}），已忽略。</source>
        <translation>Sheet “{sheet}” is not one that can be imported ({sheets}); it was ignored.</translation>
    </message>
    <message>
        <source>工作表“{sheet}”与“{other}”都像“{kind}”，只读取了后者。</source>
        <translation>Sheets “{sheet}” and “{other}” both look like “{kind}”; only the latter was read.</translation>
    </message>
    <message>
        <source>已于 {expiry} 过期，只能报废</source>
        <translation>expired on {expiry}: it can only be scrapped</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>已冲销</source>
        <translation>reversed</translation>
    </message>
    <message>
        <source>已出库</source>
        <translation>issued</translation>
    </message>
    <message>
        <source>已审批</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>已扣除调拨单预留 {reserved}{unit}</source>
        <translation>Less {reserved} {unit} reserved by dispatch orders</translation>
    </message>
    <message>
        <source>已批准并记账</source>
        <translation>was already approved and posted</translation>
    </message>
    <message>
        <source>已有名为“{name}”的定额标准，请换一个名称。</source>
        <translation>A standard named “{name}” already exists: choose another name.</translation>
    </message>
    <message>
        <source>已签收</source>
        <translation>signed for</translation>
    </message>
    <message>
        <source>已被驳回</source>
        <translation>was already rejected</translation>
    </message>
    <message>
        <source>已调用数量 {outstanding} 小于核查后调用数量 {since}：核查后调用的部分包含在已调用数量中。</source>
        <translation>Called-up quantity {outstanding} is less than the quantity called up since the check ({since}): the latter is part of the called-up quantity.</translation>
    </message>
    <message>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>已预留数量 {reserved} 大于数量 {quantity}，预留不能超过结存。</source>
        <translation>Reserved quantity {reserved} is more than the quantity {quantity}; the reservation cannot exceed the balance.</translation>
    </message>
    <message>
        <source>年份“{year}”无效，请写四位年份，如 2026。</source>
        <translation>Year “{year}” is not valid; write a four-digit year such as 2026.</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>年度“{year}”无效，请填写如 2026 的四位年份。</source>
        <translation>Year “{year}” is not valid: enter a four-digit year such as 2026.</translation>
    </message>
    <message>
        <source>年费用（元）</source>
        <translation>Annual fee (yuan)</translation>
    </message>
    <message>
        <source>应为“实物代储”或“产能储备”。</source>
        <translation>use “实物代储” (physical) or “产能储备” (capacity).</translation>
    </message>
    <message>
        <source>应为“政府实物储备”“部门储备”或“群众号料”（不填为政府实物储备）。</source>
        <translation>use “政府实物储备” (government), “部门储备” (department) or “群众号料” (pledged); empty means government.</translation>
    </message>
    <message>
        <source>应为“每人每天”“每N人”或“固定数量”。</source>
        <translation>use “每人每天” (per person per day), “每N人” (per N persons) or “固定数量” (fixed).</translation>
    </message>
    <message>
        <source>应为“草稿”“有效”“已到期”或“已终止”（不填为有效）。</source>
        <translation>use “草稿” (draft), “有效” (active), “已到期” (expired) or “已终止” (terminated); empty means active.</translation>
    </message>
    <message>
        <source>应于 {due} 完成，上次 {last}</source>
        <translation>due by {due}; last done {last}</translation>
    </message>
    <message>
        <source>应于 {due} 完成，尚无记录</source>
        <translation>due by {due}; never done yet</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>归还数量</source>
        <translation>Quantity returned</translation>
    </message>
    <message>
        <source>归还数量全部为 0，请填写完好、修复或丢失的数量。</source>
        <translation>All returned quantities are 0: enter the quantity in good condition, repaired or lost.</translation>
    </message>
    <message>
        <source>归还日期</source>
        <translation>Return date</translation>
    </message>
    <message>
        <source>归还说明</source>
        <translation>Return note</translation>
    </message>
    <message>
        <source>当前不是以用户身份登录，不能修改密码。</source>
        <translation>You are not signed in as a user, so no password can be changed.</translation>
    </message>
    <message>
        <source>当前使用 PostgreSQL 服务器，本程序不复制服务器数据库。请在服务器上用 pg_dump 备份，例如：pg_dump -Fc -h 主机 -U 用户 -f reserve.dump 数据库名；用 pg_restore 恢复。详见 docs/SERVER.md。</source>
        <translation>This program is using a PostgreSQL server and does not copy server databases. Back up on the server with pg_dump, e.g. pg_dump -Fc -h HOST -U USER -f reserve.dump DATABASE; restore with pg_restore. See docs/SERVER.md.</translation>
    </message>
    <message>
        <source>待审批</source>
        <translation>awaiting approval</translation>
    </message>
    <message>
        <source>待轮换</source>
        <translation>Due for rotation</translation>
    </message>
    <message>
        <source>您不能查看储备库“{store_name}”的单据 {number}。</source>
        <translation>You cannot view document {number} of store “{store_name}”.</translation>
    </message>
    <message>
        <source>您不能查看储备库“{store_name}”的单据。</source>
        <translation>You cannot view documents of store “{store_name}”.</translation>
    </message>
    <message>
        <source>您不能查看储备库“{store}”。</source>
        <translation>You may not view store “{store}”.</translation>
    </message>
    <message>
        <source>您（{username}）不是储备库“{store}”（{store_code}）的保管员，不能在该库记账。如需在该库操作，请联系管理员分配权限。</source>
        <translation>You ({username}) are not a keeper of store “{store}” ({store_code}) and cannot post there. To work in that store, ask an administrator to assign it to you.</translation>
    </message>
    <message>
        <source>您（{username}）的角色“{role_label}”只能查看，不能办理调拨单。</source>
        <translation>Your role “{role_label}” ({username}) can only view; it cannot handle dispatch orders.</translation>
    </message>
    <message>
        <source>您（{username}）的角色“{role}”只能查看，不能记账。如需记账，请联系管理员。</source>
        <translation>You ({username}) have the role “{role}”, which can only view, not post. To post, ask an administrator.</translation>
    </message>
    <message>
        <source>截止日期 {deadline}</source>
        <translation>Deadline {deadline}</translation>
    </message>
    <message>
        <source>所属行政区</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>批次 {batch}</source>
        <translation>Batch {batch}</translation>
    </message>
    <message>
        <source>批次号</source>
        <translation>Batch number</translation>
    </message>
    <message>
        <source>找不到备份文件 {source}。</source>
        <translation>Backup file {source} not found.</translation>
    </message>
    <message>
        <source>找不到文件“{path}”。</source>
        <translation>File “{path}” not found.</translation>
    </message>
    <message>
        <source>报废单至少需要一行物资。</source>
        <translation>A scrap record needs at least one item line.</translation>
    </message>
    <message>
        <source>报废原因</source>
        <translation>Reason for scrapping</translation>
    </message>
    <message>
        <source>报废必须指明批次号。</source>
        <translation>Scrapping needs a batch number.</translation>
    </message>
    <message>
        <source>提醒</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>提醒编号无效。</source>
        <translation>The reminder key is not valid.</translation>
    </message>
    <message>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>数据库中</source>
        <translation>the database</translation>
    </message>
    <message>
        <source>数据库中已有储备库或台账数据，演示数据只能装入空数据库。请新建一个数据库再试。</source>
        <translation>The database already has stores or ledger data; demo data can only be loaded into an empty database. Create a new database and try again.</translation>
    </message>
    <message>
        <source>数据库文件 {database} 已损坏，无法读取。请检查文件是否完整（是否只复制了一部分），或从备份恢复。</source>
        <translation>The database file {database} is damaged and cannot be read. Check that the file is complete (not a partial copy), or restore it from a backup.</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>数量为 0，已跳过。</source>
        <translation>Quantity is 0; the row was skipped.</translation>
    </message>
    <message>
        <source>文件 {path} 不是储备管家数据库（也不是 SQLite 文件）。请选择正确的数据库文件，或从备份恢复。</source>
        <translation>{path} is not a ReserveKeeper database (not even an SQLite file). Choose the right database file, or restore from a backup.</translation>
    </message>
    <message>
        <source>文件 {source} 不是 SQLite 数据库，不能用于恢复。请选择储备管家的备份文件（.db）。</source>
        <translation>{source} is not an SQLite database and cannot be restored. Choose a ReserveKeeper backup file (.db).</translation>
    </message>
    <message>
        <source>文件 {source} 不是储备管家数据库（没有版本信息），不能用于恢复。</source>
        <translation>{source} is not a ReserveKeeper database (it has no version information) and cannot be restored.</translation>
    </message>
    <message>
        <source>新协议编号</source>
        <translation>New agreement number</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>新密码不能与原密码相同。</source>
        <translation>The new password must differ from the current one.</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>无法写入备份文件 {target}：{exc}。请检查文件夹是否存在、是否有写权限、磁盘是否已满。</source>
        <translation>Cannot write backup file {target}: {exc}. Check that the folder exists, that you may write to it and that the disk is not full.</translation>
    </message>
    <message>
        <source>无法写入数据库 {target}：{exc}。请关闭其他正在使用该数据库的程序后重试。</source>
        <translation>Cannot write database {target}: {exc}. Close other programs using the database and try again.</translation>
    </message>
    <message>
        <source>无法写入数据库 {target}：{exc}。请关闭其他正在使用该数据库的程序后重试。原数据库已另存为 {previous}。</source>
        <translation>Cannot write database {target}: {exc}. Close other programs using the database and try again. The previous database was saved as {previous}.</translation>
    </message>
    <message>
        <source>无法打开数据库 {database}（{error}）。请检查服务器是否可达、文件是否完整，或从备份恢复。</source>
        <translation>Cannot open the database {database} ({error}). Check that the server is reachable and the file is complete, or restore from a backup.</translation>
    </message>
    <message>
        <source>无法打开数据库文件 {database}：文件可能正被其他程序占用、没有读写权限，或所在磁盘已满。请检查文件是否完整、是否有权限，或从备份恢复。</source>
        <translation>Cannot open the database file {database}: another program may be using it, you may lack permission, or the disk may be full. Check the file and its permissions, or restore it from a backup.</translation>
    </message>
    <message>
        <source>无法读取“{name}”：它不是有效的 Excel（.xlsx）文件（{reason}）。如果是 .xls 旧格式，请先用 Excel 或 WPS 另存为 .xlsx。</source>
        <translation>Cannot read “{name}”: it is not a valid Excel (.xlsx) file ({reason}). If it is an old .xls file, save it as .xlsx in Excel or WPS first.</translation>
    </message>
    <message>
        <source>无法读取备份文件 {source}：{exc}。文件可能不完整或已损坏，请换一个备份。</source>
        <translation>Cannot read backup file {source}: {exc}. The file may be incomplete or damaged; choose another backup.</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>最低数量</source>
        <translation>Minimum quantity</translation>
    </message>
    <message>
        <source>最低数量 {minimum} 大于协议数量 {quantity}。</source>
        <translation>Minimum quantity {minimum} is more than the agreed quantity {quantity}.</translation>
    </message>
    <message>
        <source>最近核查日期 {check} 早于协议开始日期 {start}。</source>
        <translation>Last check date {check} is before the agreement&apos;s start date {start}.</translation>
    </message>
    <message>
        <source>最近核查日期和核查数量应同时填写或同时留空。</source>
        <translation>Fill in both the last check date and the checked quantity, or leave both empty.</translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Expiry date</translation>
    </message>
    <message>
        <source>有效期至 {expiry} 早于生产日期 {production}，请检查日期。</source>
        <translation>Expiry date {expiry} is before the production date {production}; please check the dates.</translation>
    </message>
    <message>
        <source>有效期至 {expiry}，应于 {rotate_by} 前轮换</source>
        <translation>expires {expiry}: rotate it by {rotate_by}</translation>
    </message>
    <message>
        <source>有效期至 {expiry}，早于情景末日 {last_day}，不计</source>
        <translation>Expires {expiry}, before the scenario&apos;s last day {last_day}: not counted</translation>
    </message>
    <message>
        <source>服务器 {database} 上没有这个数据库或用户。请核对数据库名和用户名。</source>
        <translation>The server {database} has no such database or user. Check the database and user names.</translation>
    </message>
    <message>
        <source>服务器 {database} 拒绝了登录：用户名或密码不对。请核对后再试。</source>
        <translation>The server {database} refused the login: wrong user name or password. Check them and try again.</translation>
    </message>
    <message>
        <source>未识别的列“{column}”，已忽略。</source>
        <translation>Unknown column “{column}”; it was ignored.</translation>
    </message>
    <message>
        <source>本周养护</source>
        <translation>Inspection this week</translation>
    </message>
    <message>
        <source>本次收货数量全部为 0，请至少填写一行实收数量。</source>
        <translation>All received quantities are 0. Enter the quantity received on at least one line.</translation>
    </message>
    <message>
        <source>标准</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>标准“{standard}”已有需求项“{need}”且定义不同，保留原有定义。</source>
        <translation>Standard “{standard}” already has need “{need}” with a different definition; the existing definition was kept.</translation>
    </message>
    <message>
        <source>标准“{standard}”的需求项“{need}”的单位、计算方式或定额与第 {row} 行不一致。</source>
        <translation>The unit, basis or quota of need “{need}” in standard “{standard}” differ from row {row}.</translation>
    </message>
    <message>
        <source>标准“{standard}”需求项“{need}”中物资“{item}”与第 {row} 行重复。</source>
        <translation>Item “{item}” of need “{need}” in standard “{standard}” repeats row {row}.</translation>
    </message>
    <message>
        <source>核查人</source>
        <translation>Checked by</translation>
    </message>
    <message>
        <source>核查日期</source>
        <translation>Check date</translation>
    </message>
    <message>
        <source>核查日期 {day} 在今天之后，请填写实际核查的日期。</source>
        <translation>Check date {day} is after today: enter the date the check actually took place.</translation>
    </message>
    <message>
        <source>核查日期 {day} 早于协议开始日期 {start_date}。</source>
        <translation>Check date {day} is before the agreement&apos;s start date {start_date}.</translation>
    </message>
    <message>
        <source>此操作需要管理员权限，您（{username}）的角色是“{role}”。请联系管理员。</source>
        <translation>This needs administrator rights; you ({username}) have the role “{role}”. Ask an administrator.</translation>
    </message>
    <message>
        <source>每个储备库</source>
        <translation>Every store</translation>
    </message>
    <message>
        <source>每个批次</source>
        <translation>Every batch</translation>
    </message>
    <message>
        <source>每天自动备份</source>
        <translation>Back up automatically every day</translation>
    </message>
    <message>
        <source>没有单号为“{number}”的单据。</source>
        <translation>There is no document numbered “{number}”.</translation>
    </message>
    <message>
        <source>没有单号为“{number}”的调拨单。</source>
        <translation>There is no transfer numbered “{number}”.</translation>
    </message>
    <message>
        <source>没有最近核查日期时，核查后调用数量应留空。</source>
        <translation>Without a last check date, leave the quantity called up since the check empty.</translation>
    </message>
    <message>
        <source>没有编号为“{number}”的轮换补充计划。</source>
        <translation>There is no replacement plan numbered “{number}”.</translation>
    </message>
    <message>
        <source>物资 {code} {name}</source>
        <translation>Item {code} {name}</translation>
    </message>
    <message>
        <source>物资“{code}”已存在（名称“{name}”），保留原有信息，未修改。</source>
        <translation>Item “{code}” already exists (named “{name}”); the existing details were kept unchanged.</translation>
    </message>
    <message>
        <source>物资“{item}”的批次“{batch}”在{where}的日期不同（生产 {production}，有效期至 {expiry}；本行 生产 {row_production}，有效期至 {row_expiry}），请核对日期或使用不同批次号。</source>
        <translation>Batch “{batch}” of item “{item}” has other dates in {where} (produced {production}, expires {expiry}; this row: produced {row_production}, expires {row_expiry}); check the dates or use a different batch number.</translation>
    </message>
    <message>
        <source>物资编码“{code}”不存在：数据库和本工作簿的“物资目录”表中都没有。</source>
        <translation>Item code “{code}” does not exist: it is neither in the database nor in this workbook&apos;s 物资目录 (catalogue) sheet.</translation>
    </message>
    <message>
        <source>环境变量 {env} 未设置或为空，请先设置 admin 的初始密码。</source>
        <translation>Environment variable {env} is not set or empty. Set admin&apos;s initial password in it first.</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>第 {row} 行</source>
        <translation>row {row}</translation>
    </message>
    <message>
        <source>统一社会信用代码“{code}”已对应企业“{name}”，与本行“{enterprise}”不一致。</source>
        <translation>Credit code “{code}” already belongs to enterprise “{name}”, not “{enterprise}” as in this row.</translation>
    </message>
    <message>
        <source>缺少必填列“{column}”。</source>
        <translation>Required column “{column}” is missing.</translation>
    </message>
    <message>
        <source>草稿协议还没有生效，不能有核查或调用记录；请把状态改为“有效”或清空这些列。</source>
        <translation>A draft agreement is not in force yet and cannot have checks or call-ups; set the state to “有效” (active) or clear these columns.</translation>
    </message>
    <message>
        <source>行政区名称“{name}…”太长（最多 100 个字符）。</source>
        <translation>Area name “{name}…” is too long (100 characters at most).</translation>
    </message>
    <message>
        <source>补充计划</source>
        <translation>Replacement plan</translation>
    </message>
    <message>
        <source>计入</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>计划到货日期</source>
        <translation>Planned arrival date</translation>
    </message>
    <message>
        <source>计划到货日期不能为空。</source>
        <translation>Enter the planned arrival date.</translation>
    </message>
    <message>
        <source>计划编号</source>
        <translation>Plan number</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>请先登录，再确认提醒。</source>
        <translation>Log in first, then confirm the reminder.</translation>
    </message>
    <message>
        <source>请填写维修说明。</source>
        <translation>Enter the repair note.</translation>
    </message>
    <message>
        <source>请用环境变量 {env} 提供新密码（不要写在命令行上）。</source>
        <translation>Give the new password in environment variable {env} (not on the command line).</translation>
    </message>
    <message>
        <source>调拨</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>调拨单</source>
        <translation>Dispatch order</translation>
    </message>
    <message>
        <source>调拨单 {number} 中没有物资 {item_code} 批次 {batch_no}。</source>
        <translation>Transfer {number} has no item {item_code} batch {batch_no}.</translation>
    </message>
    <message>
        <source>调拨单 {number} 已全部收货，不能再收货。</source>
        <translation>Transfer {number} has been fully received; nothing more can be received.</translation>
    </message>
    <message>
        <source>调拨单 {number} 已撤销，不能再收货。</source>
        <translation>Transfer {number} was cancelled; it cannot be received.</translation>
    </message>
    <message>
        <source>调拨单 {number} 已有收货，请先冲销对方的调拨入库单，再冲销发出单。</source>
        <translation>Transfer {number} has already been (partly) received. Reverse the receiving store&apos;s transfer receipt first, then the shipment.</translation>
    </message>
    <message>
        <source>没有名为“{key}”的设置。可用的设置：{known}。</source>
        <translation>There is no setting named “{key}”. Available settings: {known}.</translation>
    </message>
    <message>
        <source>--expiring-days 不能为负数，请填写天数，如 90。</source>
        <translation>--expiring-days cannot be negative: give a number of days, such as 90.</translation>
    </message>
    <message>
        <source>--item 有 {items} 个而 --qty 有 {quantities} 个，请成对填写。</source>
        <translation>There are {items} --item but {quantities} --qty: give them in pairs.</translation>
    </message>
    <message>
        <source>none、scrap（报废）或 repair（维修）</source>
        <translation>none, scrap or repair</translation>
    </message>
    <message>
        <source>pass（合格）或 fail（不合格）</source>
        <translation>pass or fail</translation>
    </message>
    <message>
        <source>{area}（含下辖）</source>
        <translation>{area} (with subdivisions)</translation>
    </message>
    <message>
        <source>{count} 个单元格首尾有空格，已自动去除（首次出现在第 {first} 行）。</source>
        <translation>{count} cells had leading or trailing spaces; they were removed (first in row {first}).</translation>
    </message>
    <message>
        <source>{document_number} 不是报废申请。</source>
        <translation>{document_number} is not a scrap request.</translation>
    </message>
    <message>
        <source>{field} {value} 太小（最多九位小数）。</source>
        <translation>{field} {value} is too small (at most nine decimals).</translation>
    </message>
    <message>
        <source>{field} {value} 过大，请检查。</source>
        <translation>{field} {value} is too large; please check it.</translation>
    </message>
    <message>
        <source>{field}“{code}”的校验位（第 18 位）应为“{expected}”，现为“{actual}”。请照营业执照逐位核对，通常是前 17 位中有一位输错。</source>
        <translation>The check character (18th) of {field} “{code}” should be “{expected}” but is “{actual}”. Compare it with the business licence character by character; usually one of the first 17 is mistyped.</translation>
    </message>
    <message>
        <source>{field}“{value}”不是数字，请填写如 3、0.5 或 0.25/30 的数。</source>
        <translation>{field} “{value}” is not a number: enter a number such as 3, 0.5 or 0.25/30.</translation>
    </message>
    <message>
        <source>{field}“{value}”不是整数，请填写{what}。</source>
        <translation>{field} “{value}” is not a whole number: enter {what}.</translation>
    </message>
    <message>
        <source>{field}不能为空，请照营业执照填写 18 位代码。</source>
        <translation>{field} is empty: enter the 18-character code from the business licence.</translation>
    </message>
    <message>
        <source>{field}应为 18 位，“{code}”是 {count} 位。请照营业执照核对是否多输或漏输。</source>
        <translation>{field} must have 18 characters; “{code}” has {count}. Check it against the business licence for extra or missing characters.</translation>
    </message>
    <message>
        <source>{field}必须在 {lowest} 到 {highest} 之间（现为 {number}），请填写{what}。</source>
        <translation>{field} must be between {lowest} and {highest} (it is {number}): enter {what}.</translation>
    </message>
    <message>
        <source>{field}必须是整数。</source>
        <translation>{field} must be a whole number.</translation>
    </message>
    <message>
        <source>{field}第 3-8 位是行政区划代码，应全为数字，“{code}”中为“{region}”。</source>
        <translation>Characters 3-8 of {field} are the administrative division code and must all be digits; in “{code}” they are “{region}”.</translation>
    </message>
    <message>
        <source>{field}第 {position} 位“{ch}”不是有效字符：只能是数字和除 I、O、Z、S、V 以外的大写字母{hint}。</source>
        <translation>Character {position} of {field}, “{ch}”, is not allowed: only digits and capital letters other than I, O, Z, S and V{hint}.</translation>
    </message>
    <message>
        <source>{first}、{second}</source>
        <translation>{first}, {second}</translation>
    </message>
    <message>
        <source>{first}，{second}</source>
        <translation>{first}, {second}</translation>
    </message>
    <message>
        <source>{first}；{second}</source>
        <translation>{first}; {second}</translation>
    </message>
    <message>
        <source>{label}“{value}”无效，可选 {choices}。</source>
        <translation>{label} “{value}” is not valid: choose {choices}.</translation>
    </message>
    <message>
        <source>{label}必须是 {lowest} 到 120 之间的整数（现为 {value}）。</source>
        <translation>{label} must be a whole number from {lowest} to 120 (it is {value}).</translation>
    </message>
    <message>
        <source>{number} 不是报废申请。</source>
        <translation>{number} is not a scrap request.</translation>
    </message>
    <message>
        <source>{prefix}{message}</source>
        <translation>{prefix}{message}</translation>
    </message>
    <message>
        <source>{prefix}实收 {received}{unit} 超过出库数量 {issued}{unit}。</source>
        <translation>{prefix}received {received} {unit} is more than the {issued} {unit} issued.</translation>
    </message>
    <message>
        <source>{prefix}损坏 {damaged}{unit} 超过实收 {received}{unit}。</source>
        <translation>{prefix}damaged {damaged} {unit} is more than the {received} {unit} received.</translation>
    </message>
    <message>
        <source>{prefix}物资“{item}”的批次“{number}”已存在，但日期不同（已登记：生产 {production}，有效期至 {expiry}）。请核对日期，或使用新的批次号。</source>
        <translation>{prefix}Batch “{number}” of item “{item}” already exists with other dates (recorded: produced {production}, expires {expiry}). Check the dates or use a new batch number.</translation>
    </message>
    <message>
        <source>{shortages}。请减少数量或指定其他来源后再出库。</source>
        <translation>Not enough stock for dispatch: {shortages}. Reduce the quantities or choose other sources, then issue again.</translation>
    </message>
    <message>
        <source>“{item}”：储备库“{store}”可用 {free}{unit}{extra}，本单需要 {quantity}{unit}，缺 {missing}{unit}</source>
        <translation>“{item}”: store “{store}” has {free} {unit} available{extra}, this order needs {quantity} {unit}, {missing} {unit} short</translation>
    </message>
    <message>
        <source>“{standard_name}”是程序自带的默认标准，不能{action}。可以先复制一份，再对副本{action}。</source>
        <translation>“{standard_name}” is a built-in default standard: you cannot {action} it. Copy it first, then {action} the copy.</translation>
    </message>
    <message>
        <source>“{status}”</source>
        <translation>“{status}”</translation>
    </message>
    <message>
        <source>“{text}”应写成 行号:实收[:损坏]，如 1:95:2。</source>
        <translation>“{text}” must be written as line:received[:damaged], e.g. 1:95:2.</translation>
    </message>
    <message>
        <source>“级别”和“行政区”只能选一个：按级别统计或按行政区统计。</source>
        <translation>Choose either “level” or “area”, not both: count by store level or by area.</translation>
    </message>
    <message>
        <source>上次备份 {time}</source>
        <translation>Last backup {time}</translation>
    </message>
    <message>
        <source>上次备份 {time}，已超过 {days} 天，请尽快备份</source>
        <translation>Last backup {time}, more than {days} days ago: back up soon</translation>
    </message>
    <message>
        <source>不予批准的理由</source>
        <translation>Reason for rejection</translation>
    </message>
    <message>
        <source>不在待审批状态</source>
        <translation>is not awaiting approval</translation>
    </message>
    <message>
        <source>业务科室</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>丢失数量</source>
        <translation>Quantity lost</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>Number of people</translation>
    </message>
    <message>
        <source>从未备份，请立即备份</source>
        <translation>Never backed up: back up now</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>cancel</translation>
    </message>
    <message>
        <source>作废原因</source>
        <translation>Reason for cancelling</translation>
    </message>
    <message>
        <source>保管员</source>
        <translation>Keeper</translation>
    </message>
    <message>
        <source>保障天数，如 15</source>
        <translation>the number of days to cover, e.g. 15</translation>
    </message>
    <message>
        <source>修复数量</source>
        <translation>Quantity repaired</translation>
    </message>
    <message>
        <source>修改来源</source>
        <translation>change sources</translation>
    </message>
    <message>
        <source>储备库“{store_name}”中“{item_name}”的预留数量与调拨单记录不一致，请先运行自检（reserve-keeper verify）。</source>
        <translation>The reserved quantity of “{item_name}” in store “{store_name}” does not match the dispatch orders: run the self-check (reserve-keeper verify) first.</translation>
    </message>
    <message>
        <source>储备库“{store}”中物资“{item}”批次“{batch_no}”只有 {on_hand}{unit}，不足 {quantity}{unit}。请减少数量或选择其他批次。</source>
        <translation>Store “{store}” has only {on_hand} {unit} of item “{item}” batch “{batch_no}”, less than {quantity} {unit}. Reduce the quantity or choose another batch.</translation>
    </message>
    <message>
        <source>批次（编号 {batch_id}）库存只有 {on_hand}，不足 {quantity}。</source>
        <translation>Batch (id {batch_id}) has only {on_hand} in stock, less than {quantity}.</translation>
    </message>
    <message>
        <source>找不到服务器“{host}”，请检查服务器地址（名称或 IP）。</source>
        <translation>Server “{host}” not found. Check the server address (name or IP).</translation>
    </message>
    <message>
        <source>折算系数</source>
        <translation>Conversion factor</translation>
    </message>
    <message>
        <source>报废原因类别</source>
        <translation>Scrap reason</translation>
    </message>
    <message>
        <source>报废原因类别“{value}”无效，可选 expired（过期）、damaged（损坏）、failed_inspection（检验不合格）。</source>
        <translation>Scrap reason “{value}” is not valid: choose expired, damaged or failed_inspection.</translation>
    </message>
    <message>
        <source>报废数量</source>
        <translation>Quantity to scrap</translation>
    </message>
    <message>
        <source>报废申请 {number} {state}，不能再审批。</source>
        <translation>Scrap request {number} {state} and cannot be decided again.</translation>
    </message>
    <message>
        <source>报废申请至少需要一行物资。</source>
        <translation>A scrap request needs at least one item line.</translation>
    </message>
    <message>
        <source>报废说明</source>
        <translation>Scrap note</translation>
    </message>
    <message>
        <source>押运人</source>
        <translation>Escort</translation>
    </message>
    <message>
        <source>指令文号</source>
        <translation>Instruction reference</translation>
    </message>
    <message>
        <source>指定批次时请同时指定物资。</source>
        <translation>When you choose a batch, choose its item too.</translation>
    </message>
    <message>
        <source>损坏数量</source>
        <translation>Quantity damaged</translation>
    </message>
    <message>
        <source>排序号</source>
        <translation>Sort order</translation>
    </message>
    <message>
        <source>排序号必须是整数。</source>
        <translation>The sort order must be a whole number.</translation>
    </message>
    <message>
        <source>接收单位</source>
        <translation>Receiving unit</translation>
    </message>
    <message>
        <source>接收方电话</source>
        <translation>Receiver&apos;s phone</translation>
    </message>
    <message>
        <source>接收方联系人</source>
        <translation>Receiver&apos;s contact</translation>
    </message>
    <message>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>搜索文字太长（最多 200 个字符）。</source>
        <translation>The search text is too long (at most 200 characters).</translation>
    </message>
    <message>
        <source>改名</source>
        <translation>rename</translation>
    </message>
    <message>
        <source>数据库 {database} 中已有其他程序的数据表，不是储备管家数据库。请换一个空数据库或正确的文件。</source>
        <translation>Database {database} holds another program&apos;s tables and is not a ReserveKeeper database. Use an empty database or the right file.</translation>
    </message>
    <message>
        <source>数据库 {database} 由更新版本的储备管家创建（版本 {versions}），请升级本程序。</source>
        <translation>Database {database} was created by a newer ReserveKeeper (version {versions}). Upgrade this program.</translation>
    </message>
    <message>
        <source>数据库名</source>
        <translation>Database name</translation>
    </message>
    <message>
        <source>新标准名称</source>
        <translation>New standard name</translation>
    </message>
    <message>
        <source>无法连接数据库 {url}：{exc}</source>
        <translation>Cannot connect to database {url}: {exc}</translation>
    </message>
    <message>
        <source>无法连接服务器 {where}：{error}</source>
        <translation>Cannot connect to server {where}: {error}</translation>
    </message>
    <message>
        <source>最长响应时间（小时）</source>
        <translation>Maximum response time (hours)</translation>
    </message>
    <message>
        <source>服务器 {where} 上没有名为“{database}”的数据库，请检查数据库名，或请管理员按 docs/SERVER.md 创建。</source>
        <translation>Server {where} has no database named “{database}”. Check the database name, or ask the administrator to create it as described in docs/SERVER.md.</translation>
    </message>
    <message>
        <source>服务器 {where} 上没有用户“{user}”，请检查用户名。</source>
        <translation>Server {where} has no user “{user}”. Check the user name.</translation>
    </message>
    <message>
        <source>服务器 {where} 不允许本机连接（pg_hba.conf），请联系服务器管理员。</source>
        <translation>Server {where} does not allow connections from this computer (pg_hba.conf). Contact the server administrator.</translation>
    </message>
    <message>
        <source>服务器 {where} 拒绝了用户“{user}”的密码，请检查用户名和密码。</source>
        <translation>Server {where} refused the password of user “{user}”. Check the user name and password.</translation>
    </message>
    <message>
        <source>服务器 {where} 拒绝连接：该端口没有数据库服务在运行，或防火墙阻止了连接。请检查端口号和服务器上的 PostgreSQL 是否已启动。</source>
        <translation>Server {where} refused the connection: no database service runs on that port, or a firewall blocks it. Check the port and that PostgreSQL is running on the server.</translation>
    </message>
    <message>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>服务器模式：请用 pg_dump 定期备份服务器</source>
        <translation>Server mode: back up the server regularly with pg_dump</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>来源 {index} 的数量</source>
        <translation>Quantity of source {index}</translation>
    </message>
    <message>
        <source>来源“{text}”应写成 储备库编码:数量，如 C001:10。</source>
        <translation>Source “{text}” must be written as store-code:quantity, e.g. C001:10.</translation>
    </message>
    <message>
        <source>查看</source>
        <translation>Viewer</translation>
    </message>
    <message>
        <source>标准名称</source>
        <translation>Standard name</translation>
    </message>
    <message>
        <source>检查不合格时请填写发现的问题。</source>
        <translation>An inspection that failed needs the problems found.</translation>
    </message>
    <message>
        <source>检查不合格要报废时，请指定物资和批次。</source>
        <translation>To scrap after a failed inspection, choose the item and the batch.</translation>
    </message>
    <message>
        <source>检查人</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>检查合格时不需要报废或维修。</source>
        <translation>A passed inspection needs no scrapping or repair.</translation>
    </message>
    <message>
        <source>检查日期</source>
        <translation>Inspection date</translation>
    </message>
    <message>
        <source>检查日期 {inspected_on} 晚于今天，不能预先登记检查结果。</source>
        <translation>Inspection date {inspected_on} is after today: results cannot be recorded in advance.</translation>
    </message>
    <message>
        <source>检查结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>此操作需要登录：请设置环境变量 {user_env} 和 {password_env}（例如 admin 和其密码）。</source>
        <translation>This needs a sign-in: set the environment variables {user_env} and {password_env} (e.g. admin and its password).</translation>
    </message>
    <message>
        <source>每人每天定额</source>
        <translation>Quota per person per day</translation>
    </message>
    <message>
        <source>每件覆盖人数</source>
        <translation>People covered per piece</translation>
    </message>
    <message>
        <source>每次检查最多登记 20 张照片。</source>
        <translation>At most 20 photos can be recorded per inspection.</translation>
    </message>
    <message>
        <source>汛期开始日期</source>
        <translation>Flood season start date</translation>
    </message>
    <message>
        <source>汛期结束日期</source>
        <translation>Flood season end date</translation>
    </message>
    <message>
        <source>汛期结束日期 {end} 早于开始日期 {start}。</source>
        <translation>Flood season end date {end} is before the start date {start}.</translation>
    </message>
    <message>
        <source>没有单号为“{number}”的报废申请。</source>
        <translation>There is no scrap request numbered “{number}”.</translation>
    </message>
    <message>
        <source>没有单号为“{number}”的调拨单，请检查单号。</source>
        <translation>There is no dispatch order numbered “{number}”: check the number.</translation>
    </message>
    <message>
        <source>没有名为“{name}”的定额标准。现有标准：{known}。</source>
        <translation>There is no standard named “{name}”. Existing standards: {known}.</translation>
    </message>
    <message>
        <source>没有用户名为“{username}”的用户。</source>
        <translation>There is no user named “{username}”.</translation>
    </message>
    <message>
        <source>没有编号为 {call_up_id} 的动用记录。</source>
        <translation>There is no call-up with id {call_up_id}.</translation>
    </message>
    <message>
        <source>没有编号为 {line_id} 的协议物资行。</source>
        <translation>There is no agreement item line with id {line_id}.</translation>
    </message>
    <message>
        <source>没有编号为“{number}”的储备协议，请检查协议编号。</source>
        <translation>There is no reserve agreement numbered “{number}”: check the agreement number.</translation>
    </message>
    <message>
        <source>没有编码为“{code}”的储备库，请检查储备库编码。</source>
        <translation>There is no store with code “{code}”. Check the store code.</translation>
    </message>
    <message>
        <source>没有编码为“{code}”的养护计划。</source>
        <translation>There is no maintenance plan with code “{code}”.</translation>
    </message>
    <message>
        <source>没有编码为“{code}”的物资分类。</source>
        <translation>There is no item category with code “{code}”.</translation>
    </message>
    <message>
        <source>没有编码为“{code}”的行政区。</source>
        <translation>There is no area with code “{code}”.</translation>
    </message>
    <message>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>照片路径</source>
        <translation>Photo path</translation>
    </message>
    <message>
        <source>物资</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>物资“{item_code} {item_name}”在协议中出现了两次，请合并为一行。</source>
        <translation>Item “{item_code} {item_name}” appears twice in the agreement: merge it into one line.</translation>
    </message>
    <message>
        <source>物资“{item_name}”不在养护计划“{schedule_name}”的范围内。</source>
        <translation>Item “{item_name}” is not covered by maintenance plan “{schedule_name}”.</translation>
    </message>
    <message>
        <source>物资“{item_name}”已有核查或动用记录，不能从协议中删除；如不再代储，请把协议数量改小或终止协议。</source>
        <translation>Item “{item_name}” already has checks or call-ups and cannot be removed from the agreement; if it is no longer held, reduce its quantity or terminate the agreement.</translation>
    </message>
    <message>
        <source>物资“{item}”没有批次号为“{batch_no}”的批次。</source>
        <translation>Item “{item}” has no batch “{batch_no}”.</translation>
    </message>
    <message>
        <source>物资名称</source>
        <translation>Item name</translation>
    </message>
    <message>
        <source>物资明细</source>
        <translation>Item lines</translation>
    </message>
    <message>
        <source>物资目录中没有编码为“{code}”的物资，请检查物资编码或先在目录中添加。</source>
        <translation>The catalogue has no item with code “{code}”. Check the item code or add the item to the catalogue first.</translation>
    </message>
    <message>
        <source>物资编码</source>
        <translation>Item code</translation>
    </message>
    <message>
        <source>物资编码“{code}”已存在，请换一个编码。</source>
        <translation>Item code “{code}” already exists. Choose another code.</translation>
    </message>
    <message>
        <source>轮换出库必须指明批次号。</source>
        <translation>A rotation issue must name the batch.</translation>
    </message>
    <message>
        <source>轮换方式</source>
        <translation>Rotation method</translation>
    </message>
    <message>
        <source>轮换方式“{method}”无效，可选 use（调剂使用）、sale（销售）、donation（捐赠）、transfer（调拨）。</source>
        <translation>Rotation method “{method}” is not valid: choose use, sale, donation or transfer.</translation>
    </message>
    <message>
        <source>轮换补充计划 {plan} 已取消，不能再收货。</source>
        <translation>Replacement plan {plan} was cancelled: nothing more can be received against it.</translation>
    </message>
    <message>
        <source>轮换补充计划 {plan} 已经取消。</source>
        <translation>Replacement plan {plan} is already cancelled.</translation>
    </message>
    <message>
        <source>轮换补充计划 {plan} 的物资是“{name}”（{code}），不是 {other}。</source>
        <translation>Replacement plan {plan} is for “{name}” ({code}), not {other}.</translation>
    </message>
    <message>
        <source>逾期未轮换</source>
        <translation>Overdue for rotation</translation>
    </message>
    <message>
        <source>需求项“{need}”没有填写物资编码，只导入需求项，暂不关联物资。</source>
        <translation>Need “{need}” has no item code; only the need is imported, without a linked item.</translation>
    </message>
    <message>
        <source>（{notes}）</source>
        <translation> ({notes})</translation>
    </message>
    <message>
        <source>（{note}）</source>
        <translation> ({note})</translation>
    </message>
    <message>
        <source>（{note}；{other_note}）</source>
        <translation> ({note}; {other_note})</translation>
    </message>
    <message>
        <source>（代码中不使用字母 I、O、Z、S、V，可能是数字 1、0、2、5 或字母 U 输错）</source>
        <translation> (codes never use I, O, Z, S or V; it is probably a mistyped 1, 0, 2, 5 or U)</translation>
    </message>
    <message>
        <source>（其中 {quantity}{unit} 已被调拨单预留）</source>
        <translation> ({quantity} {unit} of it reserved for transfers)</translation>
    </message>
    <message>
        <source>（另有 {other}{unit} 已被其他调拨单预留）</source>
        <translation> ({other} {unit} more is reserved by other dispatch orders)</translation>
    </message>
    <message>
        <source>（另有 {pending}{unit} 已在其他待审批的报废申请中）</source>
        <translation> ({pending} {unit} more is in other scrap requests awaiting approval)</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>生产厂家</source>
        <translation>Manufacturer</translation>
    </message>
    <message>
        <source>生产日期</source>
        <translation>Production date</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>用户名“{username}”已存在，请换一个。</source>
        <translation>User name “{username}” already exists. Choose another.</translation>
    </message>
    <message>
        <source>用户名或密码不正确。</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>用途</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>申请单位</source>
        <translation>Requesting unit</translation>
    </message>
    <message>
        <source>登记归还</source>
        <translation>record returns</translation>
    </message>
    <message>
        <source>盘点单至少需要一行清点结果。</source>
        <translation>A stocktake needs at least one counted line.</translation>
    </message>
    <message>
        <source>盘盈盘亏原因</source>
        <translation>Reason for the differences</translation>
    </message>
    <message>
        <source>目标数量</source>
        <translation>Target quantity</translation>
    </message>
    <message>
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>端口 {port} 无效，应在 1–65535 之间（PostgreSQL 默认 5432）。</source>
        <translation>Port {port} is not valid; use 1–65535 (PostgreSQL&apos;s default is 5432).</translation>
    </message>
    <message>
        <source>第 {index} 行“{item_name}”的最低数量 {minimum} 大于协议数量 {guaranteed}，请改小最低数量。</source>
        <translation>Line {index} “{item_name}”: the minimum quantity {minimum} is more than the agreed quantity {guaranteed}; lower the minimum.</translation>
    </message>
    <message>
        <source>第 {index} 行协议数量</source>
        <translation>Agreed quantity on line {index}</translation>
    </message>
    <message>
        <source>第 {index} 行最低数量</source>
        <translation>Minimum quantity on line {index}</translation>
    </message>
    <message>
        <source>第 {index} 行：</source>
        <translation>Line {index}: </translation>
    </message>
    <message>
        <source>第 {index} 行：{message}</source>
        <translation>Line {index}: {message}</translation>
    </message>
    <message>
        <source>第 {index} 行：“{item}”批次 {batch_no} 有 {reserved}{unit} 已被调拨单预留，实盘数量少于预留数量。请先处理相关调拨单。</source>
        <translation>Line {index}: {reserved} {unit} of “{item}” batch {batch_no} is reserved for transfers, and the counted quantity is less than that. Deal with those transfers first.</translation>
    </message>
    <message>
        <source>第 {index} 行：“{item}”批次 {batch_no} 重复清点，请合并为一行。</source>
        <translation>Line {index}: “{item}” batch {batch_no} is counted twice. Merge them into one line.</translation>
    </message>
    <message>
        <source>第 {index} 行：储备库“{store}”的“{item}”批次“{batch}”可报废数量只有 {available}{unit}{extra}，不足 {quantity}{unit}。</source>
        <translation>Line {index}: only {available} {unit} of “{item}” batch “{batch}” in store “{store}” can be scrapped{extra}, less than {quantity} {unit}.</translation>
    </message>
    <message>
        <source>第 {index} 行：归还日期 {due} 早于调拨日期 {order_date}。</source>
        <translation>Line {index}: return date {due} is before the order date {order_date}.</translation>
    </message>
    <message>
        <source>第 {index} 行：物资“{item_name}”重复，请合并为一行。</source>
        <translation>Line {index}: item “{item_name}” appears twice; merge it into one line.</translation>
    </message>
    <message>
        <source>第 {line_no} 行{shortage}</source>
        <translation>line {line_no} {shortage}</translation>
    </message>
    <message>
        <source>第 {line_no} 行“{item_name}”不是需归还的物资。</source>
        <translation>Line {line_no} “{item_name}” is not an item that must be returned.</translation>
    </message>
    <message>
        <source>第 {line_no} 行“{item}”只安排了 {planned}{unit} 的来源，申请 {requested}{unit}，缺 {missing}{unit}</source>
        <translation>line {line_no} “{item}” has sources for only {planned} {unit} of the {requested} {unit} requested, {missing} {unit} short</translation>
    </message>
    <message>
        <source>第 {line_no} 行“{item}”可供调拨的库存只有 {available}{unit}，申请 {requested}{unit}</source>
        <translation>line {line_no} “{item}” has only {available} {unit} available for dispatch, {requested} {unit} requested</translation>
    </message>
    <message>
        <source>第 {line_no} 行“{item}”各来源合计 {total}{unit}，超过申请数量 {requested}{unit}，请减少来源数量。</source>
        <translation>Line {line_no} “{item}”: the sources add up to {total} {unit}, more than the {requested} {unit} requested; reduce the source quantities.</translation>
    </message>
    <message>
        <source>第 {line_no} 行“{item}”待归还只有 {outstanding}{unit}，本次登记 {returned}{unit}，请核对数量。</source>
        <translation>Line {line_no} “{item}” has only {outstanding} {unit} still to return, but {returned} {unit} were entered; check the quantities.</translation>
    </message>
    <message>
        <source>第 {line_no} 行“{item}”：</source>
        <translation>Line {line_no} “{item}”: </translation>
    </message>
    <message>
        <source>第 {line_no} 行“{item}”：协议储备 {agreement} 目前可动用 {free}{unit}{extra}，本单需要 {quantity}{unit}</source>
        <translation>line {line_no} “{item}”: agreement reserve {agreement} has {free} {unit} available{extra}, this order needs {quantity} {unit}</translation>
    </message>
    <message>
        <source>第 {line_no} 行没有从储备库出库的记录，无法退回入库。</source>
        <translation>Line {line_no} was not issued from a store, so it cannot be returned into stock.</translation>
    </message>
    <message>
        <source>签收</source>
        <translation>record receipt</translation>
    </message>
    <message>
        <source>签收人</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <source>签收时间</source>
        <translation>Receipt time</translation>
    </message>
    <message>
        <source>签收时间缺少时区。</source>
        <translation>The receipt time has no time zone.</translation>
    </message>
    <message>
        <source>签收说明</source>
        <translation>Receipt note</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>紧急出库</source>
        <translation>issue in an emergency</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>级别“{value}”无效，应为 县级、乡镇级 或 村级（county/township/village）。</source>
        <translation>Level “{value}” is not valid; use county, township or village.</translation>
    </message>
    <message>
        <source>终止原因</source>
        <translation>Reason for termination</translation>
    </message>
    <message>
        <source>终止日期</source>
        <translation>Termination date</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>结束日期 {end} 早于开始日期 {start}。</source>
        <translation>End date {end} is before start date {start}.</translation>
    </message>
    <message>
        <source>结束日期 {end} 早于开始日期 {start}，请检查协议期限。</source>
        <translation>End date {end} is before start date {start}: check the agreement&apos;s term.</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>续签协议的开始日期 {start} 应晚于原协议的开始日期 {start_date}。</source>
        <translation>The renewal&apos;s start date {start} must be after the original agreement&apos;s start date {start_date}.</translation>
    </message>
    <message>
        <source>维修说明</source>
        <translation>Repair note</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>自动备份保留份数</source>
        <translation>Automatic backups to keep</translation>
    </message>
    <message>
        <source>自动备份失败：无法写入 {folder}（{exc}）。请在设置中选择可写的备份文件夹。</source>
        <translation>Automatic backup failed: cannot write to {folder} ({exc}). Choose a writable backup folder in the settings.</translation>
    </message>
    <message>
        <source>自动备份文件夹（空 = 数据库所在文件夹下的 backups）</source>
        <translation>Automatic backup folder (empty = “backups” next to the database)</translation>
    </message>
    <message>
        <source>至少要保留一个启用的管理员账户。</source>
        <translation>At least one active administrator account must remain.</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>行号</source>
        <translation>Line number</translation>
    </message>
    <message>
        <source>行政区</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>行政区名称</source>
        <translation>Area name</translation>
    </message>
    <message>
        <source>行政区类型“{kind}”无效。</source>
        <translation>Area kind “{kind}” is not valid.</translation>
    </message>
    <message>
        <source>行政区编码</source>
        <translation>Area code</translation>
    </message>
    <message>
        <source>行政区编码“{code}”已存在。</source>
        <translation>Area code “{code}” already exists.</translation>
    </message>
    <message>
        <source>补库数量</source>
        <translation>Replenished quantity</translation>
    </message>
    <message>
        <source>补库时间</source>
        <translation>Replenishment time</translation>
    </message>
    <message>
        <source>补库时间不能早于动用时间。</source>
        <translation>The replenishment cannot be earlier than the call-up.</translation>
    </message>
    <message>
        <source>规格型号</source>
        <translation>Specification</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>角色“{role}”无效，可选 admin、officer、keeper、viewer。</source>
        <translation>Role “{role}” is not valid; choose admin, officer, keeper or viewer.</translation>
    </message>
    <message>
        <source>计划名称</source>
        <translation>Plan name</translation>
    </message>
    <message>
        <source>计划编码</source>
        <translation>Plan code</translation>
    </message>
    <message>
        <source>计算方式</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>计算方式“{value}”无效，应为 per_person_day（每人每天）、per_persons（每 N 人一件）或 fixed（固定数量）。</source>
        <translation>Basis “{value}” is not valid: use per_person_day, per_persons (one per N people) or fixed.</translation>
    </message>
    <message>
        <source>计量单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>评估日期</source>
        <translation>Assessment date</translation>
    </message>
    <message>
        <source>该用户尚未设置密码，请留空密码登录后立即设置，或请管理员设置。</source>
        <translation>This user has no password yet. Sign in with an empty password and set one at once, or ask an administrator to set it.</translation>
    </message>
    <message>
        <source>请至少填写一种物资的实查数量。</source>
        <translation>Enter the quantity found for at least one item.</translation>
    </message>
    <message>
        <source>调入库</source>
        <translation>Receiving store</translation>
    </message>
    <message>
        <source>调出库和调入库不能是同一个储备库。</source>
        <translation>The sending and receiving stores cannot be the same store.</translation>
    </message>
    <message>
        <source>调出方电话</source>
        <translation>Sender&apos;s phone</translation>
    </message>
    <message>
        <source>调出方联系人</source>
        <translation>Sender&apos;s contact</translation>
    </message>
    <message>
        <source>调拨事由</source>
        <translation>Reason for dispatch</translation>
    </message>
    <message>
        <source>调拨单 {number} 不能审批，库存不足：{shortages}。请改由其他储备库或协议储备供应，或减少数量后再审批。</source>
        <translation>Dispatch order {number} cannot be approved, stock is short: {shortages}. Supply from other stores or agreement reserves, or reduce the quantities, then approve again.</translation>
    </message>
    <message>
        <source>调拨单 {number} 已于 {approved_at} UTC 审批，不需要再次审批。</source>
        <translation>Dispatch order {number} was approved at {approved_at} UTC; it needs no second approval.</translation>
    </message>
    <message>
        <source>调拨单 {number} 已出库，不能作废；如有错误，请冲销该调拨单。</source>
        <translation>Dispatch order {number} has been issued and cannot be cancelled; if it is wrong, reverse it.</translation>
    </message>
    <message>
        <source>调拨单 {number} 已登记归还，不能整单冲销。如出库有误，请在单据中分别冲销出库单和归还入库单。</source>
        <translation>Dispatch order {number} has returns recorded and cannot be reversed as a whole. If the issue was wrong, reverse the issue slip and the return receipt separately under Documents.</translation>
    </message>
    <message>
        <source>调拨单 {number} 当前状态为“{status}”，只有{names}的调拨单可以{action}。</source>
        <translation>Dispatch order {number} is “{status}”: to {action}, the order must be {names}.</translation>
    </message>
    <message>
        <source>调拨单 {number} 没有第 {unknown} 行。</source>
        <translation>Dispatch order {number} has no line {unknown}.</translation>
    </message>
    <message>
        <source>调拨单 {order_number} 没有第 {line_no} 行。</source>
        <translation>Dispatch order {order_number} has no line {line_no}.</translation>
    </message>
    <message>
        <source>调拨单 {order_number} 的协议储备来源“{agreement_ref}”缺少协议物资行，请重新安排来源。</source>
        <translation>The agreement source “{agreement_ref}” of dispatch order {order_number} has no agreement item line: plan the sources again.</translation>
    </message>
    <message>
        <source>调拨单号</source>
        <translation>Order number</translation>
    </message>
    <message>
        <source>调拨单至少需要一行物资。</source>
        <translation>The order needs at least one item line.</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Person in charge</translation>
    </message>
    <message>
        <source>账户因多次密码错误已锁定，请 {minutes} 分钟后再试，或请管理员重置密码。</source>
        <translation>The account is locked after too many wrong passwords. Try again in {minutes} minutes, or ask an administrator to reset the password.</translation>
    </message>
    <message>
        <source>费用规则</source>
        <translation>Fee rules</translation>
    </message>
    <message>
        <source>起始日期 {date_from} 晚于结束日期 {date_to}，请检查。</source>
        <translation>Start date {date_from} is after end date {date_to}: check the dates.</translation>
    </message>
    <message>
        <source>超过多少天未备份时提醒</source>
        <translation>Warn when no backup for this many days</translation>
    </message>
    <message>
        <source>车辆</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <source>轮换提前期（天）</source>
        <translation>Rotation lead time (days)</translation>
    </message>
    <message>
        <source>轮换责任</source>
        <translation>Rotation duty</translation>
    </message>
    <message>
        <source>输出文件</source>
        <translation>Output file</translation>
    </message>
    <message>
        <source>输出文件“{output}”应以 .pdf 结尾。</source>
        <translation>Output file “{output}” must end in .pdf.</translation>
    </message>
    <message>
        <source>输出文件“{output}”应以 .xlsx 结尾。</source>
        <translation>Output file “{output}” must end in .xlsx.</translation>
    </message>
    <message>
        <source>这次动用还需补库 {outstanding}{unit}，不能补 {amount}{unit}。</source>
        <translation>This call-up needs only {outstanding} {unit} more replenishment, not {amount} {unit}.</translation>
    </message>
    <message>
        <source>连接不上服务器 {database}。请检查服务器是否可达：服务器地址、端口、网络是否正常，数据库服务是否已启动。</source>
        <translation>Cannot reach the server {database}. Check the server address, port and network, and that the database service is running.</translation>
    </message>
    <message>
        <source>连接成功，但数据库“{database}”中已有其他程序的数据表，不是储备管家数据库。请换一个空数据库。</source>
        <translation>Connected, but database “{database}” holds another program&apos;s tables and is not a ReserveKeeper database. Use an empty database.</translation>
    </message>
    <message>
        <source>连接成功：储备管家数据库（版本 {versions}）。</source>
        <translation>Connected: a ReserveKeeper database (version {versions}).</translation>
    </message>
    <message>
        <source>连接成功：数据库“{database}”是空的，首次打开时将自动创建数据表。</source>
        <translation>Connected: database “{database}” is empty; its tables will be created when it is first opened.</translation>
    </message>
    <message>
        <source>连接服务器 {where} 超时。请检查服务器是否开机、地址是否正确、防火墙是否放行端口 {port}。</source>
        <translation>Connecting to server {where} timed out. Check that the server is on, the address is right and the firewall lets port {port} through.</translation>
    </message>
    <message>
        <source>送达地点</source>
        <translation>Delivery place</translation>
    </message>
    <message>
        <source>通知单号</source>
        <translation>Notice no.</translation>
    </message>
    <message>
        <source>重新安排来源</source>
        <translation>plan sources again</translation>
    </message>
    <message>
        <source>间隔（月）</source>
        <translation>Interval (months)</translation>
    </message>
    <message>
        <source>需求项</source>
        <translation>Need</translation>
    </message>
    <message>
        <source>需求项“{need_name}”没有关联物资“{item_name}”。</source>
        <translation>Need “{need_name}” is not linked to item “{item_name}”.</translation>
    </message>
    <message>
        <source>需求项名称</source>
        <translation>Need name</translation>
    </message>
    <message>
        <source>需用时间</source>
        <translation>Time needed</translation>
    </message>
    <message>
        <source>需用时间缺少时区，请使用带时区的时间。</source>
        <translation>The time needed has no time zone: use a time with a time zone.</translation>
    </message>
    <message>
        <source>需要安置的人数，如 5000</source>
        <translation>the number of people to shelter, e.g. 5000</translation>
    </message>
    <message>
        <source>面积</source>
        <translation>Floor area</translation>
    </message>
    <message>
        <source>面积“{floor_area}”不是数字。</source>
        <translation>Floor area “{floor_area}” is not a number.</translation>
    </message>
    <message>
        <source>面积不能为负数。</source>
        <translation>The floor area cannot be negative.</translation>
    </message>
    <message>
        <source>领用单位</source>
        <translation>Receiving unit</translation>
    </message>
</context>
<context>
    <name>views</name>
    <message>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>储备能力评估</source>
        <translation>Adequacy</translation>
    </message>
    <message>
        <source>物资目录</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>台账</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <source>储备库</source>
        <translation>Stores</translation>
    </message>
    <message>
        <source>单据</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>调拨单</source>
        <translation>Dispatch orders</translation>
    </message>
    <message>
        <source>轮换计划</source>
        <translation>Rotation plan</translation>
    </message>
    <message>
        <source>养护检查</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <source>协议储备</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>定额标准</source>
        <translation>Standards</translation>
    </message>
    <message>
        <source>导入导出</source>
        <translation>Import and export</translation>
    </message>
    <message>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>用户管理</source>
        <translation>Users</translation>
    </message>
</context>
</TS>
