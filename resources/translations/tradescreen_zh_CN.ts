<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About {app}</source>
        <translation>关于 {app}</translation>
    </message>
    <message>
        <source>{app} {version}</source>
        <translation>{app} {version}</translation>
    </message>
    <message>
        <source>Offline screening of supplier files against trade-restriction lists, as of a chosen date.</source>
        <translation>按指定日期对供应商文件进行贸易限制清单离线筛查。</translation>
    </message>
    <message>
        <source>List data</source>
        <translation>清单数据</translation>
    </message>
    <message>
        <source>No list data has been imported.</source>
        <translation>尚未导入任何清单数据。</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>发布方</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Data cut-off</source>
        <translation>数据截止日期</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>您的数据</translation>
    </message>
    <message>
        <source>User data folder: {path}</source>
        <translation>用户数据文件夹：{path}</translation>
    </message>
    <message>
        <source>Settings file (shared with tradescreen-cli): {path}</source>
        <translation>设置文件（与 tradescreen-cli 共用）：{path}</translation>
    </message>
    <message>
        <source>Log file: {path}</source>
        <translation>日志文件：{path}</translation>
    </message>
    <message>
        <source>Database: {url}</source>
        <translation>数据库：{url}</translation>
    </message>
    <message>
        <source>Third-party software</source>
        <translation>第三方软件</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>库</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Qt and Qt for Python are used under the GNU Lesser General Public License version 3. Their libraries are separate files in the installation folder and may be replaced by compatible versions.</source>
        <translation>Qt 与 Qt for Python 依据 GNU 宽通用公共许可证第 3 版（LGPL-3.0）使用。其库文件为安装文件夹中的独立文件，可替换为兼容版本。</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Added</source>
        <translation>列入</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>{error}

TradeScreen opens the database on this computer instead.</source>
        <translation>{error}

TradeScreen 将改为打开本机数据库。</translation>
    </message>
    <message>
        <source>Password for {url}:</source>
        <translation>{url} 的密码：</translation>
    </message>
</context>
<context>
    <name>CoreText</name>
    <message>
        <source>as stored: {detail}</source>
        <translation>旧版本保存的说明：{detail}</translation>
    </message>
    <message>
        <source>tokens matched: {detail}</source>
        <translation>相同的词：{detail}</translation>
    </message>
    <message>
        <source>typo: {detail}</source>
        <translation>拼写差异：{detail}</translation>
    </message>
    <message>
        <source>the numbers differ: {supplier} / {listed}</source>
        <translation>编号不同：{supplier} / {listed}</translation>
    </message>
    <message>
        <source>number: {detail}</source>
        <translation>数字：{detail}</translation>
    </message>
    <message>
        <source>spacing: {detail}</source>
        <translation>空格不同：{detail}</translation>
    </message>
    <message>
        <source>abbreviation: {detail}</source>
        <translation>缩写：{detail}</translation>
    </message>
    <message>
        <source>extra words: {detail}</source>
        <translation>多出的词：{detail}</translation>
    </message>
    <message>
        <source>words not found: {detail}</source>
        <translation>缺少的词：{detail}</translation>
    </message>
    <message>
        <source>legal form ignored: {detail}</source>
        <translation>已忽略企业组织形式：{detail}</translation>
    </message>
    <message>
        <source>name part of: {detail}</source>
        <translation>属于以下名称的一部分：{detail}</translation>
    </message>
    <message>
        <source>same name, different spacing: {detail}</source>
        <translation>名称相同，空格不同：{detail}</translation>
    </message>
    <message>
        <source>country agrees: {detail}</source>
        <translation>国家/地区一致：{detail}</translation>
    </message>
    <message>
        <source>Traditional form of {listed}: {supplier}</source>
        <translation>繁体写法：{supplier}（即 {listed}）</translation>
    </message>
    <message>
        <source>Simplified form of {listed}: {supplier}</source>
        <translation>简体写法：{supplier}（即 {listed}）</translation>
    </message>
    <message>
        <source>part of the cell matched: {detail}</source>
        <translation>单元格中匹配的部分：{detail}</translation>
    </message>
    <message>
        <source>weak: the short listed name {detail} stands inside a longer name</source>
        <translation>弱匹配：名单上的简称 {detail} 出现在更长的名称中</translation>
    </message>
    <message>
        <source>weak: the listed Chinese name renders a foreign name in generic words and the supplier is in {detail}</source>
        <translation>弱匹配：名单上的中文名称是用通用词语对外国名称的译名，而供应商位于 {detail}</translation>
    </message>
    <message>
        <source>the listed Chinese name renders a foreign name in generic words; reported because the supplier&apos;s country is not known</source>
        <translation>名单上的中文名称是用通用词语对外国名称的译名；因供应商国家/地区未知而予以报告</translation>
    </message>
    <message>
        <source>acronym in brackets ignored: {detail}</source>
        <translation>已忽略括号中的缩写：{detail}</translation>
    </message>
    <message>
        <source>another romanization: {detail}</source>
        <translation>另一种拉丁字母拼写：{detail}</translation>
    </message>
    <message>
        <source>written in Cyrillic: {printed} reads {latin}</source>
        <translation>以西里尔字母书写：{printed} 读作 {latin}</translation>
    </message>
    <message>
        <source>written in Greek: {printed} reads {latin}</source>
        <translation>以希腊字母书写：{printed} 读作 {latin}</translation>
    </message>
    <message>
        <source>written in Arabic script: {printed} reads {latin}</source>
        <translation>以阿拉伯字母书写：{printed} 读作 {latin}</translation>
    </message>
    <message>
        <source>written in Hangul: {printed} reads {latin}</source>
        <translation>以韩文书写：{printed} 读作 {latin}</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <source>country prefix ignored: {detail}</source>
        <translation>已忽略国名前缀：{detail}</translation>
    </message>
    <message>
        <source>acronym alias</source>
        <translation>首字母缩写别名</translation>
    </message>
    <message>
        <source>alias</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>characters differ</source>
        <translation>个别汉字不同</translation>
    </message>
    <message>
        <source>country differs: supplier {supplier}, entity {entity}</source>
        <translation>国家/地区不同：供应商 {supplier}，实体 {entity}</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>强匹配</translation>
    </message>
    <message>
        <source>possible</source>
        <translation>可能匹配</translation>
    </message>
    <message>
        <source>{list}: {event}</source>
        <translation>{list}：{event}</translation>
    </message>
    <message>
        <source>{action} from {start}</source>
        <translation>自 {start} 起{action}</translation>
    </message>
    <message>
        <source> until {end}</source>
        <translation>，至 {end}</translation>
    </message>
    <message>
        <source> ({announcement})</source>
        <translation>（{announcement}）</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong inside TradeScreen. Your results are still open. Please send the details below to your support contact.</source>
        <translation>TradeScreen 内部出现错误。您的结果仍保持打开。请将下方详细信息发送给技术支持人员。</translation>
    </message>
    <message>
        <source>The details are also in the log file: {path}</source>
        <translation>详细信息也已写入日志文件：{path}</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Type a date as YYYY-MM-DD or pick it from the calendar</source>
        <translation>按 YYYY-MM-DD 输入日期，或从日历中选择</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Decision</source>
        <translation>审核结论</translation>
    </message>
    <message>
        <source>Why it matched</source>
        <translation>匹配原因</translation>
    </message>
    <message>
        <source>Listing history</source>
        <translation>列名历史</translation>
    </message>
    <message>
        <source>Listed entity</source>
        <translation>列名实体</translation>
    </message>
    <message>
        <source>Supplier row</source>
        <translation>供应商所在行</translation>
    </message>
    <message>
        <source>Note (optional): why you decided so</source>
        <translation>备注（可选）：作出此结论的理由</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>False positive</source>
        <translation>误报</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>Select a hit to see why it matched and decide on it.</source>
        <translation>选择一条命中记录，查看匹配原因并作出审核结论。</translation>
    </message>
    <message>
        <source>Announced, not yet in force: {change}</source>
        <translation>已公告、尚未生效：{change}</translation>
    </message>
    <message>
        <source>Suspended from {start}</source>
        <translation>自 {start} 起暂停</translation>
    </message>
    <message>
        <source> until {end}</source>
        <translation>，至 {end}</translation>
    </message>
    <message>
        <source>, no end announced</source>
        <translation>，未公告结束日期</translation>
    </message>
    <message>
        <source> (listed since {date})</source>
        <translation>（自 {date} 起列入）</translation>
    </message>
    <message>
        <source>Active since {date}</source>
        <translation>自 {date} 起生效</translation>
    </message>
    <message>
        <source>Pending: takes effect on {date}</source>
        <translation>待生效：{date} 起生效</translation>
    </message>
    <message>
        <source>Removed on {date}</source>
        <translation>已于 {date} 移除</translation>
    </message>
    <message>
        <source>Cleared before by {name} on {date}: {note}</source>
        <translation>此前已由 {name} 于 {date} 判定为误报：{note}</translation>
    </message>
    <message>
        <source>Decided before by {name} on {date}: {decision}</source>
        <translation>此前已由 {name} 于 {date} 作出结论：{decision}</translation>
    </message>
    <message>
        <source>Cleared before by {name} on {date}, but the listing changed since: review again. {changes}</source>
        <translation>此前已由 {name} 于 {date} 判定为误报，但此后列名情况有变化：请重新审核。{changes}</translation>
    </message>
    <message>
        <source>{decision} by {name} on {date}</source>
        <translation>{decision}（{name}，{date}）</translation>
    </message>
    <message>
        <source>(carried over from an earlier screening)</source>
        <translation>（沿用以往筛查的结论）</translation>
    </message>
    <message>
        <source>Not decided on this screening yet.</source>
        <translation>本次筛查尚未作出结论。</translation>
    </message>
    <message>
        <source>Not decided yet.</source>
        <translation>尚未作出结论。</translation>
    </message>
    <message>
        <source>Supplier text:</source>
        <translation>供应商文本：</translation>
    </message>
    <message>
        <source>Matched name: {name}</source>
        <translation>匹配名称：{name}</translation>
    </message>
    <message>
        <source>Score {score:.0f} ({band})</source>
        <translation>得分 {score:.0f}（{band}）</translation>
    </message>
    <message>
        <source>Country in the file: {country}</source>
        <translation>文件中的国家/地区：{country}</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>Also known as</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Entity id</source>
        <translation>实体编号</translation>
    </message>
    <message>
        <source>Sheet {sheet}, row {row}</source>
        <translation>工作表 {sheet}，第 {row} 行</translation>
    </message>
    <message>
        <source>Line {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>Column {letter}</source>
        <translation>{letter} 列</translation>
    </message>
    <message>
        <source>Computed: in force again because the suspension's end, {date}, has passed; that end was counted from the notice or no later notice confirms it.</source>
        <translation>推算：暂停期限 {date} 已过，措施恢复生效；该截止日期系按公告推算，或尚无更新的公告确认。</translation>
    </message>
    <message>
        <source>Computed: the date {date} was derived (an edition or file comparison), not printed.</source>
        <translation>推算：日期 {date} 系由版本或文件比对得出，并非公告所载。</translation>
    </message>
    <message>
        <source>Decided before by {name} on {date} ({decision}), but the listing changed since: review again. {changes}</source>
        <translation>{name} 曾于 {date} 作出结论（{decision}），但此后列名情况已变更：请重新审核。{changes}</translation>
    </message>
</context>
<context>
    <name>EntitiesModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>清单</translation>
    </message>
</context>
<context>
    <name>EntityHistory</name>
    <message>
        <source>{action} from {date}</source>
        <translation>自 {date} 起{action}</translation>
    </message>
    <message>
        <source> until {date}</source>
        <translation>，至 {date}</translation>
    </message>
    <message>
        <source> (computed from the notice)</source>
        <translation>（根据公告推算）</translation>
    </message>
    <message>
        <source>, announced {date}</source>
        <translation>，{date} 公告</translation>
    </message>
    <message>
        <source>computed date</source>
        <translation>推算日期</translation>
    </message>
</context>
<context>
    <name>ErrorDialogs</name>
    <message>
        <source>This file cannot be read.</source>
        <translation>无法读取此文件。</translation>
    </message>
    <message>
        <source>This choice cannot be used.</source>
        <translation>无法使用此选项。</translation>
    </message>
    <message>
        <source>This list pack cannot be imported.</source>
        <translation>无法导入此清单数据包。</translation>
    </message>
    <message>
        <source>The database cannot be used.</source>
        <translation>无法使用数据库。</translation>
    </message>
    <message>
        <source>It was not found.</source>
        <translation>未找到。</translation>
    </message>
    <message>
        <source>TradeScreen could not do this.</source>
        <translation>TradeScreen 无法完成此操作。</translation>
    </message>
    <message>
        <source>TradeScreen</source>
        <translation>TradeScreen</translation>
    </message>
    <message>
        <source>Unknown error</source>
        <translation>未知错误</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Supplier files ({patterns})</source>
        <translation>供应商文件 ({patterns})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Every screening is kept with its input checksum, list releases and decisions.</source>
        <translation>每次筛查均连同输入文件校验和、清单版本及审核结论一并保存。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Open in Results</source>
        <translation>在结果中打开</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出为 Excel…</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>持续监控</translation>
    </message>
    <message>
        <source>Check this supplier list again after every list import</source>
        <translation>每次导入清单后重新核对此供应商清单</translation>
    </message>
    <message>
        <source>Screen again</source>
        <translation>重新筛查</translation>
    </message>
    <message>
        <source>A new run from this run's names, with the newest list data</source>
        <translation>用此批次的名称和最新清单数据生成新的筛查批次</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Active</source>
        <translation>生效中</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待生效</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>已移除</translation>
    </message>
    <message>
        <source>Not listed</source>
        <translation>未列入</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>False positive</source>
        <translation>误报</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已上报</translation>
    </message>
    <message>
        <source>published</source>
        <translation>已公布</translation>
    </message>
    <message>
        <source>computed</source>
        <translation>推算</translation>
    </message>
</context>
<context>
    <name>ListsModel</name>
    <message>
        <source>List</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>发布机关</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Data cut-off</source>
        <translation>数据截止日期</translation>
    </message>
</context>
<context>
    <name>ListsView</name>
    <message>
        <source>Import list data…</source>
        <translation>导入清单数据…</translation>
    </message>
    <message>
        <source>Import a signed list pack, an OpenSanctions or Consolidated Screening List file, or an own list (CSV or Excel)</source>
        <translation>导入已签名的清单数据包、OpenSanctions 或综合筛查清单文件，或自有清单（CSV 或 Excel）</translation>
    </message>
    <message>
        <source>signed by publisher key {key}</source>
        <translation>由发布者密钥 {key} 签名</translation>
    </message>
    <message>
        <source>unsigned, imported by explicit choice</source>
        <translation>未签名，经明确确认后导入</translation>
    </message>
    <message>
        <source>Licence: {licence}; attribution: {attribution}</source>
        <translation>许可：{licence}；署名：{attribution}</translation>
    </message>
    <message>
        <source>Counts as of:</source>
        <translation>统计截至：</translation>
    </message>
    <message>
        <source>Import list pack…</source>
        <translation>导入清单数据包…</translation>
    </message>
    <message>
        <source>Import a list update (a folder or a .zip file with a manifest.json)</source>
        <translation>导入清单更新（包含 manifest.json 的文件夹或 .zip 文件）</translation>
    </message>
    <message>
        <source>Find a listed entity</source>
        <translation>查找列名实体</translation>
    </message>
    <message>
        <source>Name, Chinese name, alias or id</source>
        <translation>名称、中文名称、别名或编号</translation>
    </message>
    <message>
        <source>{publisher} {version}: data cut-off {cutoff}, imported {imported}</source>
        <translation>{publisher} {version}：数据截止 {cutoff}，导入于 {imported}</translation>
    </message>
    <message>
        <source>{days} days before the chosen date: newer announcements may be missing</source>
        <translation>早于所选日期 {days} 天：可能缺少此后的公告</translation>
    </message>
    <message>
        <source>Search above, then pick an entity to see its history.</source>
        <translation>请在上方搜索，然后选择实体以查看其历史。</translation>
    </message>
    <message>
        <source>Also known as: {names}</source>
        <translation>别名：{names}</translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Lists</source>
        <translation>清单(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>&amp;Open supplier file…</source>
        <translation>打开供应商文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open the &amp;sample file</source>
        <translation>打开示例文件(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Screen</source>
        <translation>筛查(&amp;S)</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>筛查</translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>导出为 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;PDF summary…</source>
        <translation>导出 PDF 摘要(&amp;P)…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Open &amp;containing folder</source>
        <translation>打开所在文件夹(&amp;C)</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Import list pack…</source>
        <translation>导入清单数据包(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;About TradeScreen</source>
        <translation>关于 TradeScreen(&amp;A)</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>清空列表</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Import list data (a list pack, an OpenSanctions or CSL file, an own list)</source>
        <translation>导入清单数据（清单数据包、OpenSanctions 或 CSL 文件、自有清单）</translation>
    </message>
    <message>
        <source>List data (*.zip manifest.json *.csv *.json *.jsonl *.xlsx *.xls);;All files (*)</source>
        <translation>清单数据 (*.zip manifest.json *.csv *.json *.jsonl *.xlsx *.xls);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>TradeScreen</source>
        <translation>TradeScreen</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>筛查</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Reviewer: {name}</source>
        <translation>审核人：{name}</translation>
    </message>
    <message>
        <source>Database: {url}</source>
        <translation>数据库：{url}</translation>
    </message>
    <message>
        <source>Lists: {version} (cut-off {cutoff})</source>
        <translation>清单：{version}（截止 {cutoff}）</translation>
    </message>
    <message>
        <source>Please wait until the current work ends.</source>
        <translation>请等待当前任务完成。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Open a supplier file</source>
        <translation>打开供应商文件</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>{file}: {rows} rows read.</source>
        <translation>{file}：已读取 {rows} 行。</translation>
    </message>
    <message>
        <source>Choose at least one list to screen against.</source>
        <translation>请至少选择一份用于筛查的清单。</translation>
    </message>
    <message>
        <source>Screening {file} as of {date}…</source>
        <translation>正在按 {date} 筛查 {file}…</translation>
    </message>
    <message>
        <source>Screening cancelled; nothing was stored.</source>
        <translation>筛查已取消，未保存任何内容。</translation>
    </message>
    <message>
        <source>This result was not stored; screen again.</source>
        <translation>此结果未保存，请重新筛查。</translation>
    </message>
    <message>
        <source>Decision saved.</source>
        <translation>审核结论已保存。</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>正在写入 {file}…</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF summary (*.pdf)</source>
        <translation>PDF 摘要 (*.pdf)</translation>
    </message>
    <message>
        <source>Report saved: {path}</source>
        <translation>报告已保存：{path}</translation>
    </message>
    <message>
        <source>Import a list pack (a .zip file, or manifest.json in a folder)</source>
        <translation>导入清单数据包（.zip 文件，或文件夹中的 manifest.json）</translation>
    </message>
    <message>
        <source>List packs (*.zip manifest.json);;All files (*)</source>
        <translation>清单数据包 (*.zip manifest.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <source>Imported {publisher} {version}: {lists} lists, {entities} entities.</source>
        <translation>已导入 {publisher} {version}：{lists} 份清单，{entities} 个实体。</translation>
    </message>
    <message>
        <source>{publisher} {version} was already imported; nothing changed.</source>
        <translation>{publisher} {version} 此前已导入，无任何变更。</translation>
    </message>
    <message>
        <source>Opening run {id}…</source>
        <translation>正在打开第 {id} 批次…</translation>
    </message>
    <message>
        <source>Checking earlier screenings…</source>
        <translation>正在核对以往的筛查…</translation>
    </message>
    <message>
        <source>{count} earlier screenings are affected by the new list data.</source>
        <translation>新的清单数据影响了 {count} 次以往的筛查。</translation>
    </message>
    <message>
        <source>No earlier screening is affected by the new list data.</source>
        <translation>新的清单数据未影响任何以往的筛查。</translation>
    </message>
    <message>
        <source>Screening run {id} again…</source>
        <translation>正在重新筛查第 {id} 批次…</translation>
    </message>
</context>
<context>
    <name>OptionsPanel</name>
    <message>
        <source>Screen against</source>
        <translation>筛查范围</translation>
    </message>
    <message>
        <source>As of date:</source>
        <translation>基准日期：</translation>
    </message>
    <message>
        <source>Match threshold:</source>
        <translation>匹配阈值：</translation>
    </message>
    <message>
        <source>Lowest name-match score shown (0-100). {default:g} is the default; {strong:g} and above are strong matches.</source>
        <translation>显示的最低名称匹配得分（0–100）。默认值为 {default:g}；{strong:g} 及以上为强匹配。</translation>
    </message>
    <message>
        <source>Lists:</source>
        <translation>清单：</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>{title} — no names in the data</source>
        <translation>{title} — 数据中无名称</translation>
    </message>
    <message>
        <source>The list data has no names for this list: screening against it finds nothing. Import its names as an own list (Lists → Import).</source>
        <translation>清单数据中没有此清单的名称：针对其筛查不会有任何结果。请将其名称作为自有清单导入（清单 → 导入）。</translation>
    </message>
    <message>
        <source>As known on:</source>
        <translation>按已知日期：</translation>
    </message>
    <message>
        <source>Screen with the list releases that were known on this day instead of the newest: what was known when a supplier was approved</source>
        <translation>使用当日已知的清单版本（而非最新版本）进行筛查：即批准供应商时所掌握的信息</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>supplier name</source>
        <translation>供应商名称</translation>
    </message>
    <message>
        <source>second name</source>
        <translation>第二名称</translation>
    </message>
    <message>
        <source>country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>Row {row} is above the header row, so it is not screened. Double-click a row to make it the header row.</source>
        <translation>第 {row} 行在表头行之上，不参与筛查。双击某一行可将其设为表头行。</translation>
    </message>
</context>
<context>
    <name>ProgressStrip</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%v of %m rows</source>
        <translation>%v / %m 行</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Listed entity</source>
        <translation>列名实体</translation>
    </message>
    <message>
        <source>List</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>审核结论</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Review again</source>
        <translation>需重新审核</translation>
    </message>
    <message>
        <source>{decision} (earlier)</source>
        <translation>{decision}（沿用）</translation>
    </message>
    <message>
        <source>by {name} on {date}</source>
        <translation>{name}，{date}</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <source>No results yet: screen a file, or reopen a run from History.</source>
        <translation>暂无结果：请筛查文件，或从“历史记录”中重新打开一次筛查。</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出为 Excel…</translation>
    </message>
    <message>
        <source>Open containing folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>With all rows</source>
        <translation>包含所有行</translation>
    </message>
    <message>
        <source>Search supplier, entity, list, note…  (Ctrl+F)</source>
        <translation>搜索供应商、实体、清单、备注…（Ctrl+F）</translation>
    </message>
    <message>
        <source>C: confirm, F: false positive, E: escalate (or Ctrl+1, Ctrl+2, Ctrl+3)</source>
        <translation>C：确认，F：误报，E：上报（或 Ctrl+1、Ctrl+2、Ctrl+3）</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All lists</source>
        <translation>全部清单</translation>
    </message>
    <message>
        <source>Any decision</source>
        <translation>全部结论</translation>
    </message>
    <message>
        <source>Not decided</source>
        <translation>未审核</translation>
    </message>
    <message>
        <source>Review again</source>
        <translation>需重新审核</translation>
    </message>
    <message>
        <source>A screening reopened from History keeps only its flagged rows: screen the file again for a report with every row.</source>
        <translation>从“历史记录”重新打开的筛查只保存命中的行：如需包含每一行的报告，请重新筛查该文件。</translation>
    </message>
    <message>
        <source>Add an &apos;All rows&apos; sheet to the Excel report: every row screened, with its result, flagged rows tinted.</source>
        <translation>在 Excel 报告中添加“All rows”工作表：列出筛查的每一行及其结果，命中的行以颜色标示。</translation>
    </message>
    <message>
        <source>, run {id}</source>
        <translation>，第 {id} 批次</translation>
    </message>
    <message>
        <source>{file} as of {date}: {rows} rows screened, {flagged} flagged{run}</source>
        <translation>{file}（基准日期 {date}）：已筛查 {rows} 行，命中 {flagged} 行{run}</translation>
    </message>
    <message>
        <source>⚠ List data {publisher} {version} is current to {cutoff}; the screening date {date} is {days} days later. Announcements after the cut-off are missing, and suspension ends computed from a notice may have changed since. Import a newer list release.</source>
        <translation>⚠ 清单数据 {publisher} {version} 截至 {cutoff}；筛查日期 {date} 晚于该日期 {days} 天。截止日期之后的公告未包含在内，根据公告推算的暂停结束日期也可能已有变化。请导入更新的清单版本。</translation>
    </message>
    <message>
        <source>{shown} of {total} hits</source>
        <translation>显示 {shown} / {total} 条命中</translation>
    </message>
    <message>
        <source>Listed parties ({count})</source>
        <translation>列名主体（{count}）</translation>
    </message>
    <message>
        <source>Controlled items ({count})</source>
        <translation>管制物项（{count}）</translation>
    </message>
    <message>
        <source>Controlled items on {rows} rows</source>
        <translation>{rows} 行涉及管制物项</translation>
    </message>
    <message>
        <source>{list}: the list data has no names for this list, so nothing was screened against it. Import its names as an own list to screen it.</source>
        <translation>{list}：清单数据中没有此清单的名称，因此未针对其进行任何筛查。请将其名称作为自有清单导入后再筛查。</translation>
    </message>
    <message>
        <source>{list}: the list data names only persons on this list, so no company in the file can match it.</source>
        <translation>{list}：清单数据中此清单仅列有个人，文件中的公司无法与之匹配。</translation>
    </message>
</context>
<context>
    <name>RunsModel</name>
    <message>
        <source>Run</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>基准日期</translation>
    </message>
    <message>
        <source>Screened at</source>
        <translation>筛查时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Flagged rows</source>
        <translation>命中行数</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>命中数</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>SHA-256 {digest}</source>
        <translation>SHA-256 {digest}</translation>
    </message>
    <message>
        <source>Monitored</source>
        <translation>持续监控</translation>
    </message>
</context>
<context>
    <name>ScreenPage</name>
    <message>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <source>The text encoding of the file. If names in the preview look garbled (such as Ã©, ¹©Ó¦ or ????), choose the encoding the file was saved in.</source>
        <translation>文件的文本编码。如果预览中的名称显示为乱码（如 Ã©、¹©Ó¦ 或 ????），请选择文件保存时所用的编码。</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>detected: {encoding}; if names look garbled, choose another</source>
        <translation>检测到：{encoding}；如名称显示为乱码，请选择其他编码</translation>
    </message>
    <message>
        <source>chosen by hand: {encoding}</source>
        <translation>手动选择：{encoding}</translation>
    </message>
    <message>
        <source>Open another file…</source>
        <translation>打开其他文件…</translation>
    </message>
    <message>
        <source>Check the columns</source>
        <translation>核对列</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>表头行：</translation>
    </message>
    <message>
        <source>The row that holds the column headers, numbered as in the spreadsheet. Rows above it are not screened; the columns are detected again from it.</source>
        <translation>包含列标题的行，按电子表格中的行号填写。该行以上的行不参与筛查；各列将根据该行重新识别。</translation>
    </message>
    <message>
        <source>Find automatically</source>
        <translation>自动查找</translation>
    </message>
    <message>
        <source>Supplier name column:</source>
        <translation>供应商名称列：</translation>
    </message>
    <message>
        <source>Country column:</source>
        <translation>国家/地区列：</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>筛查</translation>
    </message>
    <message>
        <source>Screen every row against the chosen lists (F5)</source>
        <translation>按所选清单筛查每一行（F5）</translation>
    </message>
    <message>
        <source>(text file, one table)</source>
        <translation>（文本文件，单个表）</translation>
    </message>
    <message>
        <source>All sheets</source>
        <translation>全部工作表</translation>
    </message>
    <message>
        <source>chosen by hand</source>
        <translation>手动选择</translation>
    </message>
    <message>
        <source>found automatically</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>{rows} data rows; the first {shown} are shown.</source>
        <translation>共 {rows} 行数据；显示前 {shown} 行。</translation>
    </message>
    <message>
        <source>The rows above the header row are greyed. Double-click a row to make it the header row.</source>
        <translation>表头行之上的行以灰色显示。双击某一行可将其设为表头行。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>supplier name</source>
        <translation>供应商名称</translation>
    </message>
    <message>
        <source>country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>second name</source>
        <translation>第二名称</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>identifier</source>
        <translation>识别号</translation>
    </message>
    <message>
        <source>No header names the {roles} column: it was guessed from the cell contents. Please check it on the preview.</source>
        <translation>没有表头标明{roles}列：该列是根据单元格内容推断的，请在预览中核对。</translation>
    </message>
    <message>
        <source>HS code column:</source>
        <translation>HS 编码列：</translation>
    </message>
    <message>
        <source>The goods' HS codes: checked against controlled items</source>
        <translation>货物的 HS 编码：与管制物项核对</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Reviewer name:</source>
        <translation>审核人姓名：</translation>
    </message>
    <message>
        <source>Shown on decisions, in the audit trail and in reports</source>
        <translation>显示在审核结论、审计记录和报告中</translation>
    </message>
    <message>
        <source>Default match threshold:</source>
        <translation>默认匹配阈值：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>On this computer (embedded): {path}</source>
        <translation>本机（内置）：{path}</translation>
    </message>
    <message>
        <source>Shared PostgreSQL database (URL):</source>
        <translation>共享 PostgreSQL 数据库（URL）：</translation>
    </message>
    <message>
        <source>Changing the database reconnects at once; the lists, runs and decisions shown then come from the new database.</source>
        <translation>更改数据库后将立即重新连接；此后显示的清单、筛查记录和审核结论均来自新数据库。</translation>
    </message>
    <message>
        <source>The language changes at once. Every change is recorded in the audit trail.</source>
        <translation>语言会立即切换。每项更改都会记入审计记录。</translation>
    </message>
    <message>
        <source>Saved in {path}; tradescreen-cli uses the same settings. A database password is kept in the system keyring, never in that file (without a keyring it is asked for when needed).</source>
        <translation>保存在 {path}；tradescreen-cli 使用相同的设置。数据库密码保存在系统密钥环中，绝不写入该文件（没有密钥环时在需要时询问）。</translation>
    </message>
</context>
<context>
    <name>SettingsFlow</name>
    <message>
        <source>Connected to {url}.</source>
        <translation>已连接到 {url}。</translation>
    </message>
    <message>
        <source>Connecting to {url}…</source>
        <translation>正在连接 {url}…</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>No listing history</source>
        <translation>无列名历史</translation>
    </message>
    <message>
        <source>as of {date}</source>
        <translation>基准日期 {date}</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Screen a supplier file</source>
        <translation>筛查供应商文件</translation>
    </message>
    <message>
        <source>Open a supplier or vendor list (Excel, OpenDocument or CSV), check which columns hold the names and countries, pick the date that matters (today, a contract or a shipment date) and see which suppliers were on a restriction list on that date.</source>
        <translation>打开供应商名单（Excel、OpenDocument 或 CSV），核对名称列和国家/地区列，选择关键日期（今天、合同日期或发货日期），即可查看哪些供应商在该日期处于限制清单上。</translation>
    </message>
    <message>
        <source>Open a supplier file…</source>
        <translation>打开供应商文件…</translation>
    </message>
    <message>
        <source>Try the sample file</source>
        <translation>试用示例文件</translation>
    </message>
    <message>
        <source>A small vendor list with a few listed companies, to see how it works</source>
        <translation>包含若干列名企业的小型供应商名单，用于了解使用方法</translation>
    </message>
    <message>
        <source>You can also drop a file on this window.</source>
        <translation>也可以将文件拖放到此窗口。</translation>
    </message>
    <message>
        <source>Recent files:</source>
        <translation>最近的文件：</translation>
    </message>
</context>
<context>
    <name>ItemHitsModel</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>HS code</source>
        <translation>HS 编码</translation>
    </message>
    <message>
        <source>Controlled item</source>
        <translation>管制物项</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>截止日期</translation>
    </message>
</context>
<context>
    <name>ItemDetail</name>
    <message>
        <source>Why it matched</source>
        <translation>匹配原因</translation>
    </message>
    <message>
        <source>Control history</source>
        <translation>管制历史</translation>
    </message>
    <message>
        <source>Export control</source>
        <translation>出口管制</translation>
    </message>
    <message>
        <source>Suspended from {start}</source>
        <translation>自 {start} 起暂停</translation>
    </message>
    <message>
        <source> until {end}</source>
        <translation>，至 {end}</translation>
    </message>
    <message>
        <source>Export licence needed since {date}</source>
        <translation>自 {date} 起须申领出口许可</translation>
    </message>
    <message>
        <source>Control takes effect on {date}</source>
        <translation>管制自 {date} 起生效</translation>
    </message>
    <message>
        <source>Control lifted on {date}</source>
        <translation>管制已于 {date} 解除</translation>
    </message>
    <message>
        <source>Computed: the suspension's end date has passed, but no later notice in the list data confirms that the control applies again.</source>
        <translation>推算：暂停的截止日期已过，但清单数据中没有更新的公告确认管制已恢复实施。</translation>
    </message>
    <message>
        <source>Published: the notices give these dates.</source>
        <translation>已公布：日期均来自公告。</translation>
    </message>
    <message>
        <source>HS code {code} in the file falls under the controlled code {listed}.</source>
        <translation>文件中的 HS 编码 {code} 属于管制编码 {listed}。</translation>
    </message>
    <message>
        <source>The goods description names {words}.</source>
        <translation>货物描述中提到 {words}。</translation>
    </message>
    <message>
        <source>No HS code confirms it: check the goods.</source>
        <translation>没有 HS 编码佐证：请核查货物。</translation>
    </message>
    <message>
        <source>Control: {ref}</source>
        <translation>管制依据：{ref}</translation>
    </message>
    <message>
        <source>Status from: {ref}</source>
        <translation>状态依据：{ref}</translation>
    </message>
    <message>
        <source>source</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>ChangesDialog</name>
    <message>
        <source>What the new list data changes</source>
        <translation>新清单数据带来的变化</translation>
    </message>
    <message>
        <source>{affected} of {runs} earlier screenings are affected.</source>
        <translation>{runs} 次以往的筛查中有 {affected} 次受到影响。</translation>
    </message>
    <message>
        <source>Run / row</source>
        <translation>批次 / 行</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Listed entity</source>
        <translation>列名实体</translation>
    </message>
    <message>
        <source>List</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>之前 → 之后</translation>
    </message>
    <message>
        <source>Run {id}: {file} (as of {date})</source>
        <translation>第 {id} 批次：{file}（基准日期 {date}）</translation>
    </message>
    <message>
        <source>Sheet {sheet}, row {row}</source>
        <translation>工作表 {sheet}，第 {row} 行</translation>
    </message>
    <message>
        <source>Row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>no hit</source>
        <translation>无命中</translation>
    </message>
    <message>
        <source> (computed)</source>
        <translation>（推算）</translation>
    </message>
</context>
<context>
    <name>ImportListDialog</name>
    <message>
        <source>Import list data</source>
        <translation>导入清单数据</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>TradeScreen list pack (signed)</source>
        <translation>TradeScreen 清单数据包（已签名）</translation>
    </message>
    <message>
        <source>OpenSanctions export</source>
        <translation>OpenSanctions 导出文件</translation>
    </message>
    <message>
        <source>US Consolidated Screening List</source>
        <translation>美国综合筛查清单（CSL）</translation>
    </message>
    <message>
        <source>Own list (CSV or Excel)</source>
        <translation>自有清单（CSV 或 Excel）</translation>
    </message>
    <message>
        <source>Recognised as:</source>
        <translation>识别为：</translation>
    </message>
    <message>
        <source>Own list: what the file cannot say</source>
        <translation>自有清单：文件中没有的信息</translation>
    </message>
    <message>
        <source>List id:</source>
        <translation>清单编号：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Name column:</source>
        <translation>名称列：</translation>
    </message>
    <message>
        <source>Aliases column:</source>
        <translation>别名列：</translation>
    </message>
    <message>
        <source>Country column:</source>
        <translation>国家列：</translation>
    </message>
    <message>
        <source>Listing date column:</source>
        <translation>列入日期列：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Accept a pack that is not signed (a pack of your own)</source>
        <translation>接受未签名的数据包（自己制作的数据包）</translation>
    </message>
    <message>
        <source>Read file</source>
        <translation>读取文件</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Read the file to see what it holds.</source>
        <translation>读取文件以查看其内容。</translation>
    </message>
    <message>
        <source>{publisher}, data of {date}: {lists} lists, {entities} parties, {events} listing events.</source>
        <translation>{publisher}，数据日期 {date}：{lists} 个清单，{entities} 个主体，{events} 条列入事件。</translation>
    </message>
    <message>
        <source>Signed by a trusted publisher key.</source>
        <translation>由受信任的发布者密钥签名。</translation>
    </message>
    <message>
        <source>Not signed: nothing shows who published it.</source>
        <translation>未签名：无法证明发布者。</translation>
    </message>
    <message>
        <source>Licence: {licence}</source>
        <translation>许可：{licence}</translation>
    </message>
    <message>
        <source>Persons and vessels keep their kind; screening matches them by name like organisations. A party missing from a later file of the same source is marked removed as of that file&apos;s date.</source>
        <translation>个人和船舶保留其类型；筛查时与机构一样按名称匹配。同一来源的较新文件中不再出现的主体，自该文件日期起标记为已移出。</translation>
    </message>
    <message>
        <source>Pack not signed</source>
        <translation>数据包未签名</translation>
    </message>
    <message>
        <source>This pack is not signed. Tick the box to accept a pack of your own.</source>
        <translation>此数据包未签名。如为自己制作的数据包，请勾选接受选项。</translation>
    </message>
    <message>
        <source>Import an unsigned pack?</source>
        <translation>导入未签名的数据包？</translation>
    </message>
    <message>
        <source>Nothing proves who published this pack. Import it anyway? The choice is recorded in the audit trail and shown on the release.</source>
        <translation>无法证明此数据包的发布者。仍要导入吗？此选择将记入审计日志并显示在该版本上。</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>清单</translation>
    </message>
</context>
</TS>
