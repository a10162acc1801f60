<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>协议编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>代储企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>剩余天数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>响应时限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 小时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年费用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>最近核查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未核查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>搜索：协议编号、企业、信用代码、联系人、存放地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>90 天内到期</source>
        <translation>Expiring within 90 days</translation>
    </message>
    <message>
        <source>有效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>草稿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已终止</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增协议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编辑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>生效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>续签</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>终止</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记录核查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>动用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>补库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印摘要</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>最低数量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>实查数量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>短缺</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待补库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可动用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>核查日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>核查人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>短缺比例</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>动用时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>物资</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>已补库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调拨单号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>响应截止</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>季度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1年第%2季度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计费期间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>基本费用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>扣减</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>应付</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>依据核查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>物资明细</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>核查记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>动用与补库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>分季度费用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协议信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协议储备</source>
        <translation>Agreements</translation>
    </message>
</context>
<context>
    <name>AdequacyView</name>
    <message>
        <source>需求项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>需求量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>政府实物</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协议储备</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>产能储备</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可用合计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缺口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保障率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>政府占比</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可保障天数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>评估情景</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>安置人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保障天数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 小时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>定额标准</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>统计范围</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>评估日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协议响应时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>各需求项保障率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查看库存分布…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出汛前检查 PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部储备库</source>
        <translation>All stores</translation>
    </message>
    <message>
        <source>%1储备库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%2（含下辖）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 人 × %2 天（%3 至 %4），%5：%6 项需求中 %7 项满足。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>最薄弱：%1（%2）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>政府实物占比不足 50%：%1。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不足 50%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>50%–100%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>满足</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100% 线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>库存分布</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存汛前检查报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>汛前检查报告.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出 PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已生成汛前检查报告：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出汛前检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>汛前检查报告.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导出汛前检查工作簿：%1</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增储备协议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协议编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>代储企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>企业地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>储备类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协议类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>实物代储</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>产能储备</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>存放地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>响应时限（小时）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年费用（元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>费用规则</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>轮换责任（企业）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>合同扫描件</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>最低数量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>物资明细</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加一行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除选中行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>选择合同扫描件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>扫描件 (*.pdf *.jpg *.png);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（目录中没有）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgreementsView</name>
    <message>
        <source>有效（%1 天后到期）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有效（未开始）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#b07000&apos;&gt;%1 份协议 90 天内到期&lt;/b&gt;：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#b07000&apos;&gt;%1 份协议核查逾期&lt;/b&gt;：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#b03020&apos;&gt;%1 种物资最近核查低于最低数量&lt;/b&gt;：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有需要提醒的协议。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>代储企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>企业地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>储备类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>存放地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>费用规则</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>轮换责任</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>合同扫描件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>续签关系</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>前序：%1；后续：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>终止</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协议生效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认协议“%1”生效？生效后即计入可动用储备。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>终止协议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>终止协议“%1”的原因：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>续签协议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>续签“%1”，新协议编号：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>补库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 动用的 %2 还需补库 %3，本次补库数量：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存协议摘要</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印摘要</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已生成协议摘要：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出协议清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>储备协议清单.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导出协议清单：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <source>确认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已知悉，不再提示此条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 %1 条提醒，其中新提醒 %2 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有需要处理的提醒</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认提醒</source>
        <translation type="unfinished"></translation>
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
    <name>CallUpDialog</name>
    <message>
        <source>动用协议储备 — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>物资</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2（可动用 %3）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>动用数量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调拨单号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>企业响应时限：%1 小时，保存后显示送达截止时间。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协议未约定响应时限。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认动用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已动用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已记录动用，企业应在 %1 前送达。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已记录动用。</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>核查日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>核查人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>物资</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协议数量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>最低数量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>实查数量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存核查</source>
        <translation type="unfinished"></translation>
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
    <name>DocumentsView</name>
    <message>
        <source>单号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>储备库</source>
        <translation>Stores</translation>
    </message>
    <message>
        <source>对方单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数量合计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>原因/用途</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>经办人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已冲销（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>冲销 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已记账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>起：2026-05-01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>止：2026-05-31</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>搜索：单号、对方单位、原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>冲销此单据…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>实盘</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单价</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单据内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>历史（冲销与审计记录）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单据</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>全部储备库</source>
        <translation>All stores</translation>
    </message>
    <message>
        <source>截止日期早于起始日期，请检查日期。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 %1 张单据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在上面的列表中选择一张单据查看明细。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>储备库：%1&#x3000;日期：%2&#x3000;经办人：%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>依据文号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用途</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在途</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>部分收货</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已收货</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已撤销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调拨单 %1：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>冲销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审批</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>冲销单据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>冲销 %1 的原因（必填）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未能冲销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>冲销原因不能为空。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>冲销 %1 将生成一张冲销单，把它的库存变动全部反向记账；原单据保留。确定冲销吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认冲销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在冲销…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message>
        <source>库存分布：%1</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>物资</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协议编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>产能储备</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>实物代储</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>到期日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>响应时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未约定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按储备库（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>批次（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>协议（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
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
        <source>库存批次（品种）</source>
        <translation>Stock lines (items)</translation>
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
        <source>最近操作</source>
        <translation>Recent activity</translation>
    </message>
    <message>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>暂无操作记录</source>
        <translation>No activity yet</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <source>登记养护检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检查人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检查日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检查结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>合格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不合格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发现的问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加照片…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>后续处理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>维修说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报废数量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>图片 (*.jpg *.jpeg *.png *.bmp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检查不合格时请填写发现的问题。</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本期应做</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>应完成日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>养护项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>储备库</source>
        <translation>Stores</translation>
    </message>
    <message>
        <source>物资</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>上次检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚无记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>物资 / 批次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检查人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>合格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不合格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>维修：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报废申请 </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>照片 %1 张</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部储备库</source>
        <translation>All stores</translation>
    </message>
    <message>
        <source>逾期及 </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 天内到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记检查…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>启用默认养护计划</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>最近的养护记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>养护检查</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <source>逾期 %1 项，近期应做 %2 项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>养护计划</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已启用 %1 项默认养护计划。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已登记，下次应于 %1 检查。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已提交报废申请 %1，待审批。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <source>正在保存出库单…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出库单</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>出库储备库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>领用单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用途</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>依据文号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出库日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认出库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>更换储备库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>更换储备库将清空已录入的清单，继续吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先改正上面标红的项目。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出库清单是空的，请先添加至少一行物资。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>您没有可以记账的储备库，请联系管理员分配。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从“%1”出库 %2 行物资给“%3”？确认后将记入台账。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未能出库</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
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
</context>
<context>
    <name>ItemPicker</name>
    <message>
        <source>编码、名称或拼音首字母</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写物资编码，或输入名称、拼音首字母后从列表中选择。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>物资目录中没有“%1”，请检查编码或先在目录中添加。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有 %1 个物资与“%2”相符，请从列表中选择一个。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单据类型</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerView</name>
    <message>
        <source>起：2026-05-01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>止：2026-05-31</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>物资：编码/名称/拼音，留空为全部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查询</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>清除条件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>台账</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <source>全部储备库</source>
        <translation>All stores</translation>
    </message>
    <message>
        <source>全部操作人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>截止日期早于起始日期，请检查日期。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已载入 %1 条，向下滚动载入更多</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 %1 条</source>
        <translation type="unfinished"></translation>
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
        <source>原密码：</source>
        <translation>Current password:</translation>
    </message>
    <message>
        <source>新密码（至少 8 个字符）：</source>
        <translation>New password (at least 8 characters):</translation>
    </message>
    <message>
        <source>密码未修改</source>
        <translation>Password not changed</translation>
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
</context>
<context>
    <name>NavigationPanel</name>
    <message>
        <source>储备库</source>
        <translation>Stores</translation>
    </message>
</context>
<context>
    <name>OutboundLinesEditor</name>
    <message>
        <source>添加到清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>物资</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>批次号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>本次出库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>录入一行（回车跳到下一项）</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请从列表中选择物资。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>物资目录中没有编码“%1”，请检查或从列表中选择。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自动：先到期先出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1（有效期至 %2，可用 %3%4）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 已过期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>将出库的批次（保管员指定）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>批次“%1”可用只有 %2%3，不足 %4%3。请减少数量或选择其他批次。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数量不能为空，请填写一个正数。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>先到期先出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 %1 行</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>正在保存入库单…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>入库单</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>入库储备库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>供应商/交储单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>通知单号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>入库日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>留空按日期自动编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>留空按保质期推算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>元，可不填</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>物资</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>批次号</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加到清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>录入一行（回车跳到下一项，最后一项回车即添加）</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认入库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>入库清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>物资目录中没有编码“%1”，请检查或从列表中选择。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请从列表中选择物资。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有效期至 %1 早于生产日期 %2，请检查日期。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数量不能为空，请填写一个正数。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写物资编码。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（自动）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 %1 行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>入库清单是空的，请先添加至少一行物资。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>您没有可以记账的储备库，请联系管理员分配。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在“%1”入库 %2 行物资？确认后将记入台账，只能冲销不能修改。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未能入库</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplacementDialog</name>
    <message>
        <source>计划补充新批次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划数量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划到货日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>供应商</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RotateOutDialog</name>
    <message>
        <source>轮换出库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>轮换方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>接收单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调入储备库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RotationView</name>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>距到期</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申请人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>物资</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>逾期未轮换</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待轮换</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>今天到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>过期 %1 天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已计划</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已到货</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>轮换提前期 %1 天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>补充计划：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>搜索：物资、编码、批次或储备库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部储备库</source>
        <translation>All stores</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>应轮换日在 </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 天内</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>轮换出库…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划补充…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申请报废…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>批准报废</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>驳回…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待审批的报废申请</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>轮换计划</source>
        <translation>Rotation plan</translation>
    </message>
    <message>
        <source>已过期 %1 批，逾期未轮换 %2 批，待轮换 %3 批，已计划补充 %4 批</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>轮换出库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已登记轮换出库，单号 %1。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划补充</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已建立轮换补充计划 %1。新批次入库时在入库单“通知单号”处填写此编号。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申请报废</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已提交报废申请 %1，待业务科室审批。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>批准报废申请 %1 并从库存中核销？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报废单 %1 已批准并记账。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>驳回报废申请</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不予批准的理由：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报废申请已驳回。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScrapRequestDialog</name>
    <message>
        <source>申请报废</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报废原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报废数量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报废申请提交后须经业务科室审批，批准后才从库存中核销。</source>
        <translation type="unfinished"></translation>
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
</context>
<context>
    <name>StockView</name>
    <message>
        <source>储备库</source>
        <translation>Stores</translation>
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
        <source>储备库：全部</source>
        <translation>Store: all</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>盘点</source>
        <translation>Stocktake</translation>
    </message>
    <message>
        <source>导出盘点表（PDF）…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>盘点储备库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在“实盘数量”列填写清点结果（回车到下一行）；留空的批次不调整。</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>账面数量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>实盘数量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>差异</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如：年度盘点、鼠害损耗、计量误差</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>盘盈盘亏原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>过账差异</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在读取账面数量…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出盘点表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>盘点表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>盘点表已保存到 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第 %1 行：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 %1 个批次，已填写 %2 个；盘盈 %3 个，盘亏 %4 个。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>还没有填写任何实盘数量。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>盘盈 %1 个批次、盘亏 %2 个批次，按实盘数量调整“%3”的账面？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认盘点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未能过账盘点</source>
        <translation type="unfinished"></translation>
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
    <name>StoreTree</name>
    <message>
        <source>全部储备库（%1）</source>
        <translation>All stores (%1)</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在保存调拨收货…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调拨</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>调拨发出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调拨收货</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认发出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>调出储备库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调入储备库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>依据文号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>您没有可以记账的储备库，请联系管理员分配。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择调入储备库。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调拨清单是空的，请先添加至少一行物资。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在途调拨单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>收货备注</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在途</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本次实收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“本次实收”默认为全部在途数量；只到了一部分时改成实到数量，其余继续在途。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1（%2 → %3，在途 %4 行）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>实收 %1 超过在途数量 %2%3。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第 %1 行：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有待收货的调拨单。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本次收货数量全部为 0，请至少填写一行实收数量。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认收货</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从“%1”调拨 %2 行物资到“%3”？发出后物资显示为在途，直到对方收货。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调拨单 %1 本次收货共 %2？未收到的部分继续在途。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认调拨</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未能保存调拨</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_ValuesDialog</name>
    <message>
        <source>确定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%1不能为空。</source>
        <translation type="unfinished"></translation>
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
    <name>dialog</name>
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
</context>
</TS>
