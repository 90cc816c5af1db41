<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AccountActions</name>
        <message>
            <source>Unlock liveness lock</source>
            <translation>解除活体检测锁定</translation>
        </message>
        <message>
            <source>Lift cooling-off</source>
            <translation>解除冷静期</translation>
        </message>
        <message>
            <source>Shorten cooling-off</source>
            <translation>缩短冷静期</translation>
        </message>
        <message>
            <source>Reset for re-shoot</source>
            <translation>重置以便重拍</translation>
        </message>
        <message>
            <source>Grant extra attempts</source>
            <translation>增加拍摄次数</translation>
        </message>
        <message>
            <source>Please give a reason: it is kept in the audit log.</source>
            <translation>请填写原因：它将记入审计日志。</translation>
        </message>
        <message>
            <source>No student selected.</source>
            <translation>未选择学生。</translation>
        </message>
        <message>
            <source>Extra attempts must be between 1 and 20.</source>
            <translation>增加的次数必须在 1 到 20 之间。</translation>
        </message>
        <message>
            <source>The new end of the cooling-off must be in the future (use "Lift" to end it now).</source>
            <translation>冷静期的新结束时间必须晚于现在（立即结束请用“解除”）。</translation>
        </message>
        <message>
            <source>Student %1 does not exist (any more).</source>
            <translation>学生 %1 不存在（或已删除）。</translation>
        </message>
        <message>
            <source>You may not change the account of %1 (not in your college or not allowed for your role).</source>
            <translation>您无权修改 %1 的账号（不在您的学院，或您的角色不允许）。</translation>
        </message>
        <message>
            <source>%1 was changed by someone else meanwhile; nothing was saved. Reload and try again.</source>
            <translation>%1 在此期间已被他人修改；未保存任何内容。请重新加载后重试。</translation>
        </message>
        <message>
            <source>%1 is not locked after liveness failures.</source>
            <translation>%1 未因活体检测失败而被锁定。</translation>
        </message>
        <message>
            <source>%1 is not in a cooling-off period.</source>
            <translation>%1 不在冷静期内。</translation>
        </message>
        <message>
            <source>The new end of the cooling-off for %1 must be earlier than the current one (%2).</source>
            <translation>%1 冷静期的新结束时间必须早于当前的结束时间（%2）。</translation>
        </message>
    </context>
    <context>
        <name>AuditExport</name>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>无法写入 %1：%2</translation>
        </message>
    </context>
    <context>
        <name>AuditRepo</name>
        <message>
            <source>entry %1 does not follow entry %2 (an entry was removed or reordered)</source>
            <translation>第 %1 条记录未接续第 %2 条（有记录被删除或调换顺序）</translation>
        </message>
        <message>
            <source>entry %1 was changed after it was written</source>
            <translation>第 %1 条记录在写入后被修改</translation>
        </message>
        <message>
            <source>the newest entries after %1 were removed</source>
            <translation>第 %1 条之后的最新记录被删除</translation>
        </message>
    </context>
    <context>
        <name>AuthService</name>
        <message>
            <source>Wrong user name or password.</source>
            <translation>用户名或密码错误。</translation>
        </message>
        <message>
            <source>Too many failed log-ins: this account is locked until %1.</source>
            <translation>登录失败次数过多：该账号已锁定至 %1。</translation>
        </message>
        <message>
            <source>This staff account is disabled.</source>
            <translation>该工作人员账号已停用。</translation>
        </message>
        <message>
            <source>The new password needs at least 8 characters with letters and digits.</source>
            <translation>新密码至少 8 位，须同时包含字母和数字。</translation>
        </message>
        <message>
            <source>This staff account does not exist.</source>
            <translation>该工作人员账号不存在。</translation>
        </message>
        <message>
            <source>The current password is wrong.</source>
            <translation>当前密码错误。</translation>
        </message>
    </context>
    <context>
        <name>CheckWhy</name>
        <message>
            <source>no plain background found along the top and side edges</source>
            <translation>顶部和两侧边缘未找到纯色背景</translation>
        </message>
        <message>
            <source>no face</source>
            <translation>未找到人脸</translation>
        </message>
        <message>
            <source>no face found</source>
            <translation>未找到人脸</translation>
        </message>
        <message>
            <source>head outline not found</source>
            <translation>未找到头部轮廓</translation>
        </message>
        <message>
            <source>too little clothing visible in the frame</source>
            <translation>画面中可见的服装太少</translation>
        </message>
        <message>
            <source>no face to tell skin from clothing</source>
            <translation>没有人脸，无法区分皮肤和服装</translation>
        </message>
        <message>
            <source>clothing not separable from the background</source>
            <translation>服装无法与背景区分</translation>
        </message>
        <message>
            <source>eyes outside the photo</source>
            <translation>眼睛在照片之外</translation>
        </message>
        <message>
            <source>eye not found by the eye detector</source>
            <translation>眼睛检测器未找到眼睛</translation>
        </message>
        <message>
            <source>eye not found by the eye detector and no open iris seen</source>
            <translation>眼睛检测器未找到眼睛，也未看到睁开的虹膜</translation>
        </message>
        <message>
            <source>greyscale photo: teeth cannot be told from skin</source>
            <translation>灰度照片：无法区分牙齿和皮肤</translation>
        </message>
        <message>
            <source>skin colour not measurable</source>
            <translation>无法测量肤色</translation>
        </message>
        <message>
            <source>close to the limit</source>
            <translation>接近限值</translation>
        </message>
        <message>
            <source>the photo is not 3:4, so pixel positions cannot be compared with the standard</source>
            <translation>照片不是 3:4 比例，像素位置无法与标准比较</translation>
        </message>
        <message>
            <source>background not found</source>
            <translation>未找到背景</translation>
        </message>
        <message>
            <source>the head touches the top edge</source>
            <translation>头部触及上边缘</translation>
        </message>
        <message>
            <source>eyes not located</source>
            <translation>未定位到眼睛</translation>
        </message>
        <message>
            <source>head outline not found at eye level</source>
            <translation>眼睛高度处未找到头部轮廓</translation>
        </message>
        <message>
            <source>shoulders not visible</source>
            <translation>看不到肩膀</translation>
        </message>
        <message>
            <source>person not separable from the background: skin alone</source>
            <translation>人物无法与背景分离：仅按皮肤测量</translation>
        </message>
        <message>
            <source>no detail to measure</source>
            <translation>没有可测量的细节</translation>
        </message>
        <message>
            <source>cheeks not visible</source>
            <translation>看不到脸颊</translation>
        </message>
        <message>
            <source>skin not measurable</source>
            <translation>无法测量皮肤</translation>
        </message>
        <message>
            <source>photo too small for the spectrum test</source>
            <translation>照片太小，无法进行频谱检测</translation>
        </message>
        <message>
            <source>JPEG quality could not be estimated</source>
            <translation>无法估计 JPEG 质量</translation>
        </message>
        <message>
            <source>objects cover %1% of the photo</source>
            <translation>杂物占照片的 %1%</translation>
        </message>
        <message>
            <source>pupils give %1 deg, eye boxes %2 deg</source>
            <translation>按瞳孔为 %1 度，按眼框为 %2 度</translation>
        </message>
        <message>
            <source>person 99th percentile L*=%1 (min %2)</source>
            <translation>人物第 99 百分位亮度 L*=%1（最低 %2）</translation>
        </message>
        <message>
            <source>skin a*=%1 b*=%2</source>
            <translation>肤色 a*=%1 b*=%2</translation>
        </message>
        <message>
            <source>image is %1x%2</source>
            <translation>图像为 %1x%2</translation>
        </message>
        <message>
            <source>format is %1</source>
            <translation>格式为 %1</translation>
        </message>
        <message>
            <source>%1% of the chest has the background colour</source>
            <translation>胸前 %1% 的区域是背景色</translation>
        </message>
        <message>
            <source>background-like %1%</source>
            <translation>与背景相似 %1%</translation>
        </message>
        <message>
            <source>clothing %1% of the shoulder area</source>
            <translation>服装占肩部区域的 %1%</translation>
        </message>
        <message>
            <source>edge energy at the eyes and lips %1 (min %2)</source>
            <translation>眼部和唇部边缘能量 %1（最低 %2）</translation>
        </message>
        <message>
            <source>lens as bright as the skin below its rim (%1)</source>
            <translation>镜片与镜框下方皮肤一样亮（%1）</translation>
        </message>
        <message>
            <source>face landmarks not found</source>
            <translation>未找到面部关键点</translation>
        </message>
        <message>
            <source>head pose not measurable</source>
            <translation>无法测量头部姿态</translation>
        </message>
        <message>
            <source>lips apart</source>
            <translation>双唇张开</translation>
        </message>
        <message>
            <source>teeth showing</source>
            <translation>露出牙齿</translation>
        </message>
        <message>
            <source>smooth fabric over the crown</source>
            <translation>头顶有平滑的织物</translation>
        </message>
        <message>
            <source>smooth fabric beside the temples</source>
            <translation>太阳穴两侧有平滑的织物</translation>
        </message>
        <message>
            <source>no colour: fabric cannot be told from a bare scalp</source>
            <translation>无色彩信息：无法区分织物与光头头皮</translation>
        </message>
        <message>
            <source>no glasses found</source>
            <translation>未发现眼镜</translation>
        </message>
        <message>
            <source>glasses not clearly found</source>
            <translation>不确定是否佩戴眼镜</translation>
        </message>
        <message>
            <source>earring at the earlobe</source>
            <translation>耳垂处有耳饰</translation>
        </message>
    </context>
    <context>
        <name>CliExport</name>
        <message>
            <source>tucai export: unexpected argument '%1'</source>
            <translation>tucai export：意外的参数“%1”</translation>
        </message>
        <message>
            <source>tucai export: %1</source>
            <translation>tucai export：%1</translation>
        </message>
        <message>
            <source>tucai export: dates are written YYYY-MM-DD</source>
            <translation>tucai export：日期格式为 YYYY-MM-DD</translation>
        </message>
        <message>
            <source>The database holds no school: nothing to export.</source>
            <translation>数据库中没有学校：没有可导出的内容。</translation>
        </message>
        <message>
            <source>tucai export: no college '%1'</source>
            <translation>tucai export：没有学院“%1”</translation>
        </message>
        <message>
            <source>tucai export: no class '%1'</source>
            <translation>tucai export：没有班级“%1”</translation>
        </message>
        <message>
            <source>  %1/%2 photos</source>
            <translation>  %1/%2 张照片</translation>
        </message>
        <message>
            <source>Export failed: %1</source>
            <translation>导出失败：%1</translation>
        </message>
        <message>
            <source>renamed (duplicate name): %1</source>
            <translation>已改名（重名）：%1</translation>
        </message>
        <message>
            <source>FAILED %1 %2: %3</source>
            <translation>失败 %1 %2：%3</translation>
        </message>
        <message>
            <source>%1 approved photos selected, %2 exported (%3 re-encoded), %4 failed. Manifest: %5</source>
            <translation>选中 %1 张审核通过的照片，已导出 %2 张（其中 %3 张重新编码），%4 张失败。清单：%5</translation>
        </message>
    </context>
    <context>
        <name>CodeService</name>
        <message>
            <source>valid: code of student %1 %2</source>
            <translation>有效：学生 %1 %2 的采集码</translation>
        </message>
        <message>
            <source>valid: school/batch code %1</source>
            <translation>有效：学校/批次码 %1</translation>
        </message>
        <message>
            <source>invalid: not a collection code (wrong length or characters)</source>
            <translation>无效：不是采集码（长度或字符不对）</translation>
        </message>
        <message>
            <source>invalid: the check character does not match - a character was mistyped</source>
            <translation>无效：校验字符不符——有字符输错</translation>
        </message>
        <message>
            <source>invalid: no such code</source>
            <translation>无效：没有这个采集码</translation>
        </message>
        <message>
            <source>revoked on %1 (%2)</source>
            <translation>已于 %1 作废（%2）</translation>
        </message>
        <message>
            <source>expired on %1</source>
            <translation>已于 %1 过期</translation>
        </message>
        <message>
            <source>The codes of this school cannot be hashed from this login.</source>
            <translation>此登录无法为本校的采集码计算哈希。</translation>
        </message>
    </context>
    <context>
        <name>CodeSheet</name>
        <message>
            <source>Open the collection mini-program on your phone, scan the QR code or type the code, then follow the steps. The code is personal: do not share it.</source>
            <translation>请用手机打开图采小程序，扫描二维码或输入采集码，按提示完成采集。采集码仅限本人使用，请勿转借他人。</translation>
        </message>
        <message>
            <source>Collection codes</source>
            <translation>采集码</translation>
        </message>
        <message>
            <source>Cannot write %1: check that the folder exists and the file is not open elsewhere.</source>
            <translation>无法写入 %1：请确认文件夹存在且文件未被其他程序打开。</translation>
        </message>
        <message>
            <source>Cancelled.</source>
            <translation>已取消。</translation>
        </message>
        <message>
            <source>%1 collection codes - cut along the dashed lines - page %2 of %3</source>
            <translation>%1 采集码——沿虚线裁开——第 %2 页，共 %3 页</translation>
        </message>
        <message>
            <source>Student no.: %1</source>
            <translation>学号：%1</translation>
        </message>
        <message>
            <source>Class: %1</source>
            <translation>班级：%1</translation>
        </message>
        <message>
            <source>School/batch code</source>
            <translation>学校/批次码</translation>
        </message>
        <message>
            <source>Valid until %1</source>
            <translation>有效期至 %1</translation>
        </message>
        <message>
            <source>No codes.</source>
            <translation>没有采集码。</translation>
        </message>
        <message>
            <source>Writing %1 failed.</source>
            <translation>写入 %1 失败。</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>无法写入 %1：%2</translation>
        </message>
    </context>
    <context>
        <name>CollectionSettings</name>
        <message>
            <source>The collection window dates are invalid.</source>
            <translation>采集时间段的日期无效。</translation>
        </message>
        <message>
            <source>The collection window must end after it starts.</source>
            <translation>采集结束时间必须晚于开始时间。</translation>
        </message>
        <message>
            <source>Daily hours must look like 08:00-21:00, the end after the start.</source>
            <translation>每日时段格式应为 08:00-21:00，且结束晚于开始。</translation>
        </message>
        <message>
            <source>Liveness failures before the lock must be at least 1.</source>
            <translation>锁定前允许的活体检测失败次数至少为 1。</translation>
        </message>
        <message>
            <source>Other failures before cooling-off must be at least 1.</source>
            <translation>进入冷静期前允许的其他失败次数至少为 1。</translation>
        </message>
        <message>
            <source>The cooling-off length cannot be negative.</source>
            <translation>冷静期时长不能为负数。</translation>
        </message>
        <message>
            <source>The draft box must hold at least one photo.</source>
            <translation>草稿箱至少能存放一张照片。</translation>
        </message>
        <message>
            <source>The draft retention cannot be negative.</source>
            <translation>草稿保留时长不能为负数。</translation>
        </message>
        <message>
            <source>The fee cannot be negative.</source>
            <translation>费用不能为负数。</translation>
        </message>
        <message>
            <source>Payment is required but the fee is 0.</source>
            <translation>已设置需要缴费，但费用为 0。</translation>
        </message>
    </context>
    <context>
        <name>Dashboard</name>
        <message>
            <source>Not started</source>
            <translation>未开始</translation>
        </message>
        <message>
            <source>Drafting</source>
            <translation>草稿中</translation>
        </message>
        <message>
            <source>Awaiting review</source>
            <translation>待审核</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>已通过</translation>
        </message>
        <message>
            <source>Returned</source>
            <translation>已退回</translation>
        </message>
        <message>
            <source>Locked</source>
            <translation>已锁定</translation>
        </message>
    </context>
    <context>
        <name>Database</name>
        <message>
            <source>The database file %1 is missing.</source>
            <translation>数据库文件 %1 不存在。</translation>
        </message>
        <message>
            <source>The Qt database driver %1 is not installed.</source>
            <translation>未安装 Qt 数据库驱动 %1。</translation>
        </message>
        <message>
            <source>No database file given.</source>
            <translation>未指定数据库文件。</translation>
        </message>
        <message>
            <source>%1 is a folder, not a database file.</source>
            <translation>%1 是文件夹，不是数据库文件。</translation>
        </message>
        <message>
            <source>The database file %1 does not exist.</source>
            <translation>数据库文件 %1 不存在。</translation>
        </message>
        <message>
            <source>Cannot create the folder %1.</source>
            <translation>无法创建文件夹 %1。</translation>
        </message>
        <message>
            <source>The database file %1 has disappeared; the last action was not saved.</source>
            <translation>数据库文件 %1 已消失；最近一次操作未保存。</translation>
        </message>
        <message>
            <source>starting a transaction</source>
            <translation>开始事务</translation>
        </message>
        <message>
            <source>saving</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>The connection to the database was lost in the middle of an action; nothing of it was saved.</source>
            <translation>操作进行中与数据库的连接中断；该操作的任何内容都未保存。</translation>
        </message>
    </context>
    <context>
        <name>DbTarget</name>
        <message>
            <source>No database given.</source>
            <translation>未指定数据库。</translation>
        </message>
        <message>
            <source>Not a valid PostgreSQL address: %1 (expected postgresql://user@host:port/database)</source>
            <translation>不是有效的 PostgreSQL 地址：%1（应为 postgresql://用户@主机:端口/数据库）</translation>
        </message>
        <message>
            <source>Unknown connection setting %1 (known: sslmode, sslrootcert).</source>
            <translation>未知的连接设置 %1（可用：sslmode、sslrootcert）。</translation>
        </message>
        <message>
            <source>sslmode must be one of %1.</source>
            <translation>sslmode 必须是以下之一：%1。</translation>
        </message>
        <message>
            <source>The certificate file name must not contain ';'.</source>
            <translation>证书文件名不能包含“;”。</translation>
        </message>
    </context>
    <context>
        <name>Demo</name>
        <message>
            <source>The database already holds a school; the demo school is only created in an empty database.</source>
            <translation>该数据库中已有学校；演示学校只能在空数据库中创建。</translation>
        </message>
        <message>
            <source>photos</source>
            <translation>照片</translation>
        </message>
        <message>
            <source>students</source>
            <translation>学生</translation>
        </message>
    </context>
    <context>
        <name>Dialect</name>
        <message>
            <source>The certificate file %1 is in a folder whose name cannot be handed to the PostgreSQL client on this system. Copy it to a folder whose name has only letters of the system&apos;s language or English letters.</source>
            <translation>证书文件 %1 所在文件夹的名称无法在本系统上传给 PostgreSQL 客户端。请将其复制到名称只含系统语言文字或英文字母的文件夹中。</translation>
        </message>
        <message>
            <source>The password cannot be handed to the PostgreSQL client: the temporary folder %1 is not usable.</source>
            <translation>无法将密码传给 PostgreSQL 客户端：临时文件夹 %1 不可用。</translation>
        </message>
        <message>
            <source>The file %1 is not a Tucai database (not SQLite).</source>
            <translation>文件 %1 不是图采数据库（不是 SQLite 文件）。</translation>
        </message>
        <message>
            <source>The database file %1 is read-only: nothing was changed.</source>
            <translation>数据库文件 %1 为只读：未作任何改动。</translation>
        </message>
        <message>
            <source>Cannot open the database file %1.</source>
            <translation>无法打开数据库文件 %1。</translation>
        </message>
        <message>
            <source>The database file %1 could not be read or written (it may have been removed or the disk failed).</source>
            <translation>无法读写数据库文件 %1（可能已被删除或磁盘故障）。</translation>
        </message>
        <message>
            <source>a record with the same key already exists or a reference is missing.</source>
            <translation>已存在相同键的记录，或引用的记录不存在。</translation>
        </message>
        <message>
            <source>The server %1 refused the user name or password for %2.</source>
            <translation>服务器 %1 拒绝了 %2 的用户名或密码。</translation>
        </message>
        <message>
            <source>Cannot reach the PostgreSQL server at %1:%2 (down, refused or timed out).</source>
            <translation>无法连接 PostgreSQL 服务器 %1:%2（服务未运行、拒绝连接或超时）。</translation>
        </message>
        <message>
            <source>The database %1 does not exist on %2.</source>
            <translation>服务器 %2 上不存在数据库 %1。</translation>
        </message>
        <message>
            <source>The connection to the database server was lost; the last action was not saved.</source>
            <translation>与数据库服务器的连接已断开；最近一次操作未保存。</translation>
        </message>
        <message>
            <source>your database role is not allowed to do this.</source>
            <translation>您的数据库角色无权执行此操作。</translation>
        </message>
        <message>
            <source>the database is read-only.</source>
            <translation>数据库为只读。</translation>
        </message>
        <message>
            <source>The connection to %1 is not secure as required (sslmode=%2): the server's certificate could not be verified against the trusted root certificate, or the server offers no encryption. Ask the administrator for the server's root certificate.</source>
            <translation>与 %1 的连接未达到要求的安全级别（sslmode=%2）：无法用受信任的根证书验证服务器证书，或服务器不提供加密。请向管理员索取服务器的根证书。</translation>
        </message>
    </context>
    <context>
        <name>DisplayNames</name>
        <message>
            <source>Photo approved</source>
            <translation>照片审核通过</translation>
        </message>
        <message>
            <source>Photo returned</source>
            <translation>照片被退回</translation>
        </message>
        <message>
            <source>Decision undone</source>
            <translation>撤销审核决定</translation>
        </message>
        <message>
            <source>Account unlocked</source>
            <translation>账号已解锁</translation>
        </message>
        <message>
            <source>Cooling-off lifted</source>
            <translation>解除冷静期</translation>
        </message>
        <message>
            <source>Cooling-off shortened</source>
            <translation>缩短冷静期</translation>
        </message>
        <message>
            <source>Student reset for re-shoot</source>
            <translation>重置学生以便重拍</translation>
        </message>
        <message>
            <source>Extra attempts granted</source>
            <translation>增加拍摄次数</translation>
        </message>
        <message>
            <source>Roster imported</source>
            <translation>导入学生名单</translation>
        </message>
        <message>
            <source>Notice created</source>
            <translation>新建通知</translation>
        </message>
        <message>
            <source>Notice edited</source>
            <translation>编辑通知</translation>
        </message>
        <message>
            <source>Notice scheduled</source>
            <translation>定时发布通知</translation>
        </message>
        <message>
            <source>Notice back to draft</source>
            <translation>通知退回草稿</translation>
        </message>
        <message>
            <source>Notice published</source>
            <translation>发布通知</translation>
        </message>
        <message>
            <source>Notice archived</source>
            <translation>归档通知</translation>
        </message>
        <message>
            <source>Collection codes generated</source>
            <translation>生成采集码</translation>
        </message>
        <message>
            <source>School/batch code generated</source>
            <translation>生成学校/批次码</translation>
        </message>
        <message>
            <source>Collection code revoked</source>
            <translation>作废采集码</translation>
        </message>
        <message>
            <source>Setting changed</source>
            <translation>修改设置</translation>
        </message>
        <message>
            <source>Photos exported</source>
            <translation>导出照片</translation>
        </message>
        <message>
            <source>Staff member created</source>
            <translation>新建工作人员</translation>
        </message>
        <message>
            <source>Staff member enabled</source>
            <translation>启用工作人员</translation>
        </message>
        <message>
            <source>Staff member disabled</source>
            <translation>停用工作人员</translation>
        </message>
        <message>
            <source>Reviewer assignments changed</source>
            <translation>修改审核员分工</translation>
        </message>
        <message>
            <source>Password reset</source>
            <translation>重置密码</translation>
        </message>
        <message>
            <source>Own password changed</source>
            <translation>修改本人密码</translation>
        </message>
        <message>
            <source>Staff log-in locked</source>
            <translation>工作人员登录被锁定</translation>
        </message>
        <message>
            <source>Photos (all actions)</source>
            <translation>照片（全部操作）</translation>
        </message>
        <message>
            <source>Student accounts (all actions)</source>
            <translation>学生账号（全部操作）</translation>
        </message>
        <message>
            <source>Rosters (all actions)</source>
            <translation>学生名单（全部操作）</translation>
        </message>
        <message>
            <source>Notices (all actions)</source>
            <translation>通知（全部操作）</translation>
        </message>
        <message>
            <source>Collection codes (all actions)</source>
            <translation>采集码（全部操作）</translation>
        </message>
        <message>
            <source>Settings (all actions)</source>
            <translation>设置（全部操作）</translation>
        </message>
        <message>
            <source>Exports (all actions)</source>
            <translation>导出（全部操作）</translation>
        </message>
        <message>
            <source>Staff (all actions)</source>
            <translation>工作人员（全部操作）</translation>
        </message>
        <message>
            <source>photo</source>
            <translation>照片</translation>
        </message>
        <message>
            <source>student</source>
            <translation>学生</translation>
        </message>
        <message>
            <source>roster</source>
            <translation>名单</translation>
        </message>
        <message>
            <source>notice</source>
            <translation>通知</translation>
        </message>
        <message>
            <source>collection code</source>
            <translation>采集码</translation>
        </message>
        <message>
            <source>code batch</source>
            <translation>采集码批次</translation>
        </message>
        <message>
            <source>setting</source>
            <translation>设置项</translation>
        </message>
        <message>
            <source>export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>staff member</source>
            <translation>工作人员</translation>
        </message>
        <message>
            <source>Decision withdrawn</source>
            <translation>审核决定已撤回</translation>
        </message>
        <message>
            <source>Reset for re-shoot</source>
            <translation>已重置，可重拍</translation>
        </message>
        <message>
            <source>no objects</source>
            <translation>无杂物</translation>
        </message>
        <message>
            <source>background-like</source>
            <translation>近背景色</translation>
        </message>
        <message>
            <source>spread</source>
            <translation>离散度</translation>
        </message>
        <message>
            <source>halo</source>
            <translation>光晕</translation>
        </message>
        <message>
            <source>hair</source>
            <translation>头发</translation>
        </message>
        <message>
            <source>offset</source>
            <translation>偏移</translation>
        </message>
        <message>
            <source>angle</source>
            <translation>角度</translation>
        </message>
        <message>
            <source>asymmetry</source>
            <translation>不对称度</translation>
        </message>
        <message>
            <source>outside</source>
            <translation>超出范围</translation>
        </message>
        <message>
            <source>quality</source>
            <translation>质量</translation>
        </message>
        <message>
            <source>gap</source>
            <translation>唇间隙</translation>
        </message>
        <message>
            <source>teeth</source>
            <translation>露齿</translation>
        </message>
        <message>
            <source>eye/lip edges</source>
            <translation>眼唇边缘</translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message>
            <source>The file name template is empty.</source>
            <translation>文件名模板为空。</translation>
        </message>
        <message>
            <source>Unknown field {%1} in the file name template.</source>
            <translation>文件名模板中有未知字段 {%1}。</translation>
        </message>
        <message>
            <source>The file name template must contain a field such as {学号}: otherwise every photo gets the same name.</source>
            <translation>文件名模板必须包含 {学号} 等字段，否则所有照片会同名。</translation>
        </message>
        <message>
            <source>Cannot create %1</source>
            <translation>无法创建 %1</translation>
        </message>
        <message>
            <source>The package is too large for one zip file; export fewer colleges per package.</source>
            <translation>数据包过大，无法放入一个 zip 文件；请每次导出较少的学院。</translation>
        </message>
        <message>
            <source>Manifest</source>
            <translation>清单</translation>
        </message>
        <message>
            <source>College</source>
            <translation>学院</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>班级</translation>
        </message>
        <message>
            <source>Student number</source>
            <translation>学号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>ID number (masked)</source>
            <translation>身份证号（脱敏）</translation>
        </message>
        <message>
            <source>Reviewer</source>
            <translation>审核员</translation>
        </message>
        <message>
            <source>Decided at</source>
            <translation>审核时间</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>已缴费</translation>
        </message>
        <message>
            <source>File name</source>
            <translation>文件名</translation>
        </message>
        <message>
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <source>Bytes</source>
            <translation>字节数</translation>
        </message>
        <message>
            <source>Package</source>
            <translation>数据包</translation>
        </message>
        <message>
            <source>Re-encoded</source>
            <translation>已重新编码</translation>
        </message>
        <message>
            <source>Source SHA-256</source>
            <translation>原始 SHA-256</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <source>Failures</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>Photo</source>
            <translation>照片</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>%1 cannot be read back: %2</source>
            <translation>%1 无法读回：%2</translation>
        </message>
        <message>
            <source>%1 holds %2 entries instead of %3</source>
            <translation>%1 包含 %2 个条目，应为 %3 个</translation>
        </message>
        <message>
            <source>%1: entry %2 (%3) is not what was written</source>
            <translation>%1：条目 %2（%3）与写入的内容不一致</translation>
        </message>
        <message>
            <source>%1: %2 does not read back as written</source>
            <translation>%1：%2 读回的内容与写入的不一致</translation>
        </message>
        <message>
            <source>Cannot create the output folder %1</source>
            <translation>无法创建输出文件夹 %1</translation>
        </message>
        <message>
            <source>the photo's bytes are missing from the database</source>
            <translation>数据库中缺少该照片的数据</translation>
        </message>
        <message>
            <source>the photo is kept at %1 and was not fetched</source>
            <translation>照片存放在 %1，未能获取</translation>
        </message>
        <message>
            <source>the stored bytes do not match their SHA-256 (damaged photo)</source>
            <translation>存储的数据与其 SHA-256 不符（照片已损坏）</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>无法写入 %1：%2</translation>
        </message>
        <message>
            <source>Writing %1 failed: %2</source>
            <translation>写入 %1 失败：%2</translation>
        </message>
        <message>
            <source>renamed from %1 (duplicate name)</source>
            <translation>由 %1 改名（重名）</translation>
        </message>
        <message>
            <source>Writing the manifest failed: %1</source>
            <translation>写入清单失败：%1</translation>
        </message>
        <message>
            <source>Cannot rename to %1: %2</source>
            <translation>无法重命名为 %1：%2</translation>
        </message>
        <message>
            <source>not a JPEG file</source>
            <translation>不是 JPEG 文件</translation>
        </message>
        <message>
            <source>%1 KB, outside %2-%3 KB</source>
            <translation>%1 KB，超出 %2-%3 KB</translation>
        </message>
        <message>
            <source>%1x%2 pixels instead of %3x%4</source>
            <translation>%1x%2 像素，应为 %3x%4</translation>
        </message>
        <message>
            <source>the photo cannot be decoded (%1)</source>
            <translation>照片无法解码（%1）</translation>
        </message>
        <message>
            <source>the JPEG encoder failed</source>
            <translation>JPEG 编码失败</translation>
        </message>
        <message>
            <source>even at quality %1 the photo is larger than %2 KB</source>
            <translation>即使质量为 %1，照片仍大于 %2 KB</translation>
        </message>
        <message>
            <source>The packages are complete, but the students could not be marked as exported: %1</source>
            <translation>照片包已完整生成，但未能将学生标记为已导出：%1</translation>
        </message>
        <message>
            <source>the disk is full (%1 free on %2)</source>
            <translation>磁盘已满（%2 上仅剩 %1）</translation>
        </message>
        <message>
            <source>the file could not be written to the disk</source>
            <translation>文件无法写入磁盘</translation>
        </message>
        <message>
            <source>Your database role may not read ID numbers: choose a file name template without {身份证号}.</source>
            <translation>您的数据库角色无权读取身份证号：请选择不含 {身份证号} 的文件名模板。</translation>
        </message>
    </context>
    <context>
        <name>Image</name>
        <message>
            <source>The image is empty.</source>
            <translation>图片为空。</translation>
        </message>
        <message>
            <source>The image is too large (%1 bytes, at most %2).</source>
            <translation>图片过大（%1 字节，最多 %2）。</translation>
        </message>
        <message>
            <source>Not a JPEG or PNG image (%1): not decoded.</source>
            <translation>不是 JPEG 或 PNG 图片（%1）：未解码。</translation>
        </message>
        <message>
            <source>The image header is damaged: %1</source>
            <translation>图片头部已损坏：%1</translation>
        </message>
        <message>
            <source>The image claims %1x%2 pixels, more than the %3 megapixels a photo may have: not decoded.</source>
            <translation>图片声称有 %1x%2 像素，超过照片允许的 %3 百万像素：未解码。</translation>
        </message>
        <message>
            <source>The image could not be decoded: %1</source>
            <translation>图片无法解码：%1</translation>
        </message>
    </context>
    <context>
        <name>Integrity</name>
        <message>
            <source>unknown state '%1'</source>
            <translation>未知状态“%1”</translation>
        </message>
        <message>
            <source>a %1 photo with status '%2'</source>
            <translation>类型为 %1 的照片，状态却是“%2”</translation>
        </message>
        <message>
            <source>status '%1' without a decision time</source>
            <translation>状态“%1”，但没有审核时间</translation>
        </message>
        <message>
            <source>status '%1' but decision '%2'</source>
            <translation>状态“%1”，审核结论却是“%2”</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>submitted photo without a submission time</source>
            <translation>已提交的照片没有提交时间</translation>
        </message>
        <message>
            <source>state '%1' but %2 approved photos (exactly one expected)</source>
            <translation>状态“%1”，但有 %2 张审核通过的照片（应恰好一张）</translation>
        </message>
        <message>
            <source>approved photo, but its student %1 is '%2' (approved or exported expected)</source>
            <translation>照片已通过，但其学生 %1 的状态是“%2”（应为 approved 或 exported）</translation>
        </message>
        <message>
            <source>state 'awaiting_review' but no submitted photo awaits review</source>
            <translation>状态“awaiting_review”，但没有待审核的已提交照片</translation>
        </message>
        <message>
            <source>%1 photos await review at once (at most one expected)</source>
            <translation>同时有 %1 张照片待审核（最多应为一张）</translation>
        </message>
        <message>
            <source>photo awaits review, but its student %1 is '%2' (awaiting_review expected)</source>
            <translation>照片待审核，但其学生 %1 的状态是“%2”（应为 awaiting_review）</translation>
        </message>
        <message>
            <source>state 'awaiting_payment' but no photo awaits payment</source>
            <translation>状态“awaiting_payment”，但没有待缴费的照片</translation>
        </message>
        <message>
            <source>photo awaits payment, but its student %1 is '%2' (awaiting_payment expected)</source>
            <translation>照片待缴费，但其学生 %1 的状态是“%2”（应为 awaiting_payment）</translation>
        </message>
        <message>
            <source>state 'awaiting_payment' but marked as paid</source>
            <translation>状态“awaiting_payment”，却标记为已缴费</translation>
        </message>
        <message>
            <source>state 'returned' but no returned photo</source>
            <translation>状态“returned”，但没有被退回的照片</translation>
        </message>
        <message>
            <source>state 'not_started' but %1 photos and %2 capture attempts recorded</source>
            <translation>状态“not_started”，却记录了 %1 张照片和 %2 次拍摄</translation>
        </message>
        <message>
            <source>state 'drafting' but the draft box is empty</source>
            <translation>状态“drafting”，但草稿箱是空的</translation>
        </message>
        <message>
            <source>state 'verified' but %1 drafts in the draft box ('drafting' expected)</source>
            <translation>状态“verified”，但草稿箱中有 %1 张草稿（应为 drafting）</translation>
        </message>
        <message>
            <source>submission counter %1 but %2 submitted photos</source>
            <translation>提交次数计数为 %1，但已提交的照片有 %2 张</translation>
        </message>
        <message>
            <source>negative counter: liveness failures %1, other failures %2, submissions %3, extra attempts %4</source>
            <translation>计数为负：活体失败 %1，其他失败 %2，提交 %3，额外次数 %4</translation>
        </message>
        <message>
            <source>liveness failure counter %1 exceeds the %2 failed liveness attempts recorded</source>
            <translation>活体失败计数 %1 超过了记录的 %2 次活体检测失败</translation>
        </message>
        <message>
            <source>other-failure counter %1 exceeds the %2 failed quality attempts recorded</source>
            <translation>其他失败计数 %1 超过了记录的 %2 次质量检测失败</translation>
        </message>
        <message>
            <source>state '%1' with lock '%2' (the liveness lock and the state 'locked_liveness' go together)</source>
            <translation>状态“%1”，锁定为“%2”（活体锁定与状态 locked_liveness 必须同时出现）</translation>
        </message>
        <message>
            <source>state 'cooling_off' without a cooling lock and its end time (lock '%1')</source>
            <translation>状态“cooling_off”，却没有冷静期锁定及其结束时间（锁定为“%1”）</translation>
        </message>
        <message>
            <source>unknown lock '%1'</source>
            <translation>未知锁定“%1”</translation>
        </message>
        <message>
            <source>lock '%1' with an end time (only a cooling lock has one)</source>
            <translation>锁定“%1”带有结束时间（只有冷静期锁定才有）</translation>
        </message>
        <message>
            <source>cooling lock without an end time</source>
            <translation>冷静期锁定没有结束时间</translation>
        </message>
        <message>
            <source>lock '%1' but no failure counted</source>
            <translation>锁定“%1”，但失败计数为零</translation>
        </message>
        <message>
            <source>row version %1 (versions start at 1)</source>
            <translation>行版本为 %1（版本从 1 开始）</translation>
        </message>
        <message>
            <source>notice at version %1 but its history ends at version %2</source>
            <translation>通知的版本为 %1，但其历史记录止于版本 %2</translation>
        </message>
        <message>
            <source>class %1 belongs to college %2, not to the student's college %3</source>
            <translation>班级 %1 属于学院 %2，而不是该学生的学院 %3</translation>
        </message>
        <message>
            <source>college %1 belongs to school %2, not to the student's school %3</source>
            <translation>学院 %1 属于学校 %2，而不是该学生的学校 %3</translation>
        </message>
        <message>
            <source>photo in class %1 of college %2, but its student %3 is in class %4 of college %5</source>
            <translation>照片位于学院 %2 的班级 %1，但其学生 %3 在学院 %5 的班级 %4</translation>
        </message>
        <message>
            <source>scope of class %1 (college %2) filed under college %3</source>
            <translation>班级 %1（学院 %2）的审核范围记在学院 %3 下</translation>
        </message>
        <message>
            <source>%1 drafts in the draft box, more than the capacity %2</source>
            <translation>草稿箱中有 %1 张草稿，超过容量 %2</translation>
        </message>
        <message>
            <source>returned by a reset of student %1 without an account-reset notification</source>
            <translation>因重置学生 %1 而退回，却没有账号重置通知</translation>
        </message>
        <message>
            <source>decision '%1' without a notification to the student</source>
            <translation>审核结论“%1”没有通知学生</translation>
        </message>
    </context>
    <context>
        <name>IntegrityRepo</name>
        <message>
            <source>There is no check named %1.</source>
            <translation>没有名为 %1 的检查。</translation>
        </message>
    </context>
    <context>
        <name>Migrations</name>
        <message>
            <source>reading the schema</source>
            <translation>读取数据库结构</translation>
        </message>
        <message>
            <source>reading the schema version</source>
            <translation>读取数据库结构版本</translation>
        </message>
        <message>
            <source>This database uses schema version %1, but this version of Tucai Admin only knows up to %2. Please install a newer version; the database was not changed.</source>
            <translation>该数据库的结构版本为 %1，而本版图采管理端只支持到 %2。请安装更新的版本；数据库未作任何改动。</translation>
        </message>
        <message>
            <source>creating the schema table</source>
            <translation>创建结构版本表</translation>
        </message>
        <message>
            <source>schema step %1</source>
            <translation>结构升级第 %1 步</translation>
        </message>
    </context>
    <context>
        <name>NoticeService</name>
        <message>
            <source>The title is empty.</source>
            <translation>标题为空。</translation>
        </message>
        <message>
            <source>The collection window must end after it starts.</source>
            <translation>采集结束时间必须晚于开始时间。</translation>
        </message>
        <message>
            <source>The fee cannot be negative.</source>
            <translation>费用不能为负数。</translation>
        </message>
        <message>
            <source>Daily hours must look like 08:00-21:00, the end after the start.</source>
            <translation>每日时段格式应为 08:00-21:00，且结束晚于开始。</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>草稿</translation>
        </message>
        <message>
            <source>Scheduled</source>
            <translation>定时发布</translation>
        </message>
        <message>
            <source>Published</source>
            <translation>已发布</translation>
        </message>
        <message>
            <source>Archived</source>
            <translation>已归档</translation>
        </message>
        <message>
            <source>This notice was deleted by someone else.</source>
            <translation>该通知已被他人删除。</translation>
        </message>
        <message>
            <source>An archived notice cannot be edited.</source>
            <translation>已归档的通知不能编辑。</translation>
        </message>
        <message>
            <source>Someone else changed this notice meanwhile. Reload it and apply your changes again.</source>
            <translation>在此期间他人修改了该通知。请重新加载后再次修改。</translation>
        </message>
        <message>
            <source>This notice does not exist (any more).</source>
            <translation>该通知不存在（或已删除）。</translation>
        </message>
        <message>
            <source>Someone else changed this notice meanwhile. Reload it and try again.</source>
            <translation>在此期间他人修改了该通知。请重新加载后重试。</translation>
        </message>
        <message>
            <source>A notice cannot go from %1 to %2.</source>
            <translation>通知不能从“%1”变为“%2”。</translation>
        </message>
        <message>
            <source>The publishing time must be in the future (or publish now).</source>
            <translation>定时发布时间必须晚于现在（或立即发布）。</translation>
        </message>
    </context>
    <context>
        <name>OutboxDelivery</name>
        <message>
            <source>HTTP %1 %2</source>
            <translation>HTTP %1 %2</translation>
        </message>
        <message>
            <source>no answer within %1 s</source>
            <translation>%1 秒内无响应</translation>
        </message>
        <message>
            <source>Cannot read the webhook key file %1: %2</source>
            <translation>无法读取 Webhook 密钥文件 %1：%2</translation>
        </message>
        <message>
            <source>The webhook key file %1 is readable by other users; restrict it (chmod 600).</source>
            <translation>Webhook 密钥文件 %1 可被其他用户读取；请限制权限（chmod 600）。</translation>
        </message>
        <message>
            <source>The environment variable %1 holding the webhook secret is not set or empty.</source>
            <translation>存放 Webhook 密钥的环境变量 %1 未设置或为空。</translation>
        </message>
        <message>
            <source>The webhook secret is too short (at least 16 characters).</source>
            <translation>Webhook 密钥太短（至少 16 个字符）。</translation>
        </message>
        <message>
            <source>The webhook key file %1 is empty.</source>
            <translation>Webhook 密钥文件 %1 为空。</translation>
        </message>
        <message>
            <source>not an https URL: %1</source>
            <translation>不是 https 地址：%1</translation>
        </message>
        <message>
            <source>the webhook must use https (notifications carry student data): %1</source>
            <translation>Webhook 必须使用 https（通知包含学生数据）：%1</translation>
        </message>
    </context>
    <context>
        <name>PhotoStore</name>
        <message>
            <source>Photo %1: the photo store was closed.</source>
            <translation>照片 %1：照片存储已关闭。</translation>
        </message>
        <message>
            <source>"%1" is not a SHA-256 photo hash.</source>
            <translation>“%1”不是照片的 SHA-256 哈希值。</translation>
        </message>
        <message>
            <source>Photo %1 could not be read from the database: %2</source>
            <translation>无法从数据库读取照片 %1：%2</translation>
        </message>
        <message>
            <source>Photo %1: the bytes stored in the database do not match their SHA-256; not shown.</source>
            <translation>照片 %1：数据库中存储的数据与其 SHA-256 不符；不予显示。</translation>
        </message>
        <message>
            <source>Photo %1 is not in the database (no bytes and no URL).</source>
            <translation>照片 %1 不在数据库中（既无数据也无地址）。</translation>
        </message>
        <message>
            <source>Photo %1 has an unusable address (only http and https are fetched): %2</source>
            <translation>照片 %1 的地址不可用（只支持 http 和 https）：%2</translation>
        </message>
        <message>
            <source>Photo %1 is too large (%2 bytes announced, the limit is %3).</source>
            <translation>照片 %1 过大（声明 %2 字节，上限为 %3）。</translation>
        </message>
        <message>
            <source>Photo %1 is too large (more than %2 bytes received).</source>
            <translation>照片 %1 过大（已接收超过 %2 字节）。</translation>
        </message>
        <message>
            <source>Photo %1: the server sent %2 bytes that do not match the stored SHA-256; they are not used.</source>
            <translation>照片 %1：服务器发送的 %2 字节与存储的 SHA-256 不符；未予采用。</translation>
        </message>
        <message>
            <source>Photo %1: the photo server answered HTTP %2 %3.</source>
            <translation>照片 %1：照片服务器返回 HTTP %2 %3。</translation>
        </message>
        <message>
            <source>Photo %1: the photo server sent nothing for %2 s.</source>
            <translation>照片 %1：照片服务器 %2 秒内无响应。</translation>
        </message>
        <message>
            <source>Photo %1 could not be downloaded: %2</source>
            <translation>照片 %1 下载失败：%2</translation>
        </message>
        <message>
            <source>%1 (after %2 attempts)</source>
            <translation>%1（已尝试 %2 次）</translation>
        </message>
        <message>
            <source>Photo %1 is at %2, which is not one of the photo servers allowed (setting photo_hosts); not fetched.</source>
            <translation>照片 %1 位于 %2，不在允许的照片服务器之列（设置 photo_hosts）；未下载。</translation>
        </message>
        <message>
            <source>Photo %1: the photo server redirected to %2, another host; not followed.</source>
            <translation>照片 %1：照片服务器重定向到另一主机 %2；未跟随。</translation>
        </message>
        <message>
            <source>Photo %1: the download did not finish within %2 s; given up.</source>
            <translation>照片 %1：下载未在 %2 秒内完成；已放弃。</translation>
        </message>
    </context>
    <context>
        <name>Review</name>
        <message>
            <source>The photo no longer exists.</source>
            <translation>该照片已不存在。</translation>
        </message>
        <message>
            <source>The photo's bytes are not in the database (%1).</source>
            <translation>数据库中没有该照片的数据（%1）。</translation>
        </message>
        <message>
            <source>The photo could not be decoded.</source>
            <translation>无法解码该照片。</translation>
        </message>
        <message>
            <source>The photo's bytes are not in the database.</source>
            <translation>数据库中没有该照片的数据。</translation>
        </message>
        <message>
            <source>%1 already decided this photo (%2) at %3. Nothing was changed.</source>
            <translation>%1 已于 %3 审核了该照片（%2）。未作任何改动。</translation>
        </message>
        <message>
            <source>approved</source>
            <translation>通过</translation>
        </message>
        <message>
            <source>returned</source>
            <translation>退回</translation>
        </message>
        <message>
            <source>Someone changed this photo while you were looking at it. Nothing was changed; it has been reloaded.</source>
            <translation>在您查看期间该照片已被他人修改。未作任何改动；已重新加载。</translation>
        </message>
        <message>
            <source>Choose at least one reason (or write one) to return a photo.</source>
            <translation>退回照片至少要选择（或填写）一个原因。</translation>
        </message>
        <message>
            <source>This photo is outside the colleges and classes you review.</source>
            <translation>该照片不在您负责审核的学院和班级范围内。</translation>
        </message>
        <message>
            <source>Only submitted photos can be approved or returned.</source>
            <translation>只有已提交的照片才能通过或退回。</translation>
        </message>
        <message>
            <source>Approved.</source>
            <translation>已通过。</translation>
        </message>
        <message>
            <source>Returned: %1</source>
            <translation>已退回：%1</translation>
        </message>
        <message>
            <source>The student has already acted on this decision; it can no longer be undone.</source>
            <translation>学生已根据该审核结果进行了操作；无法再撤销。</translation>
        </message>
        <message>
            <source>Decision undone.</source>
            <translation>已撤销审核结果。</translation>
        </message>
    </context>
    <context>
        <name>RosterImport</name>
        <message>
            <source>Student number</source>
            <translation>学号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>身份证号</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>手机号</translation>
        </message>
        <message>
            <source>College</source>
            <translation>学院</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>班级</translation>
        </message>
        <message>
            <source>Choose the columns for student number, name, ID number and class.</source>
            <translation>请选择学号、姓名、身份证号和班级所在的列。</translation>
        </message>
        <message>
            <source>%1 looks like a spreadsheet formula (%2)</source>
            <translation>%1 看起来是电子表格公式（%2）</translation>
        </message>
        <message>
            <source>student number is empty</source>
            <translation>学号为空</translation>
        </message>
        <message>
            <source>student number may only contain letters, digits and '-' (at most 32)</source>
            <translation>学号只能包含字母、数字和“-”（最多 32 个字符）</translation>
        </message>
        <message>
            <source>student number %1 also on row %2</source>
            <translation>学号 %1 在第 %2 行也出现</translation>
        </message>
        <message>
            <source>name is empty</source>
            <translation>姓名为空</translation>
        </message>
        <message>
            <source>name contains characters a name cannot have (quotes, slashes, '..', control characters)</source>
            <translation>姓名中含有不应出现的字符（引号、斜杠、“..”、控制字符）</translation>
        </message>
        <message>
            <source>name is longer than 50 characters</source>
            <translation>姓名超过 50 个字符</translation>
        </message>
        <message>
            <source>ID number is empty</source>
            <translation>身份证号为空</translation>
        </message>
        <message>
            <source>ID number must have 18 characters (it has %1)</source>
            <translation>身份证号应为 18 位（现为 %1 位）</translation>
        </message>
        <message>
            <source>ID number %1: wrong check digit or not a valid ID number</source>
            <translation>身份证号 %1：校验位错误或不是有效的身份证号</translation>
        </message>
        <message>
            <source>the same ID number is also on row %1</source>
            <translation>相同的身份证号在第 %1 行也出现</translation>
        </message>
        <message>
            <source>phone %1 is not an 11-digit mobile number</source>
            <translation>手机号 %1 不是 11 位手机号码</translation>
        </message>
        <message>
            <source>unknown college "%1"</source>
            <translation>未知学院“%1”</translation>
        </message>
        <message>
            <source>class is empty</source>
            <translation>班级为空</translation>
        </message>
        <message>
            <source>unknown class "%1" in this college</source>
            <translation>该学院中没有班级“%1”</translation>
        </message>
        <message>
            <source>unknown class "%1"</source>
            <translation>未知班级“%1”</translation>
        </message>
        <message>
            <source>class "%1" exists in several colleges: add the college column</source>
            <translation>班级“%1”在多个学院中都存在：请增加学院列</translation>
        </message>
        <message>
            <source>this student belongs to a college you do not manage</source>
            <translation>该学生属于您不管理的学院</translation>
        </message>
        <message>
            <source>student number %1 already belongs to a student of another college</source>
            <translation>学号 %1 已属于其他学院的学生</translation>
        </message>
        <message>
            <source>Reviewers cannot import rosters.</source>
            <translation>审核员不能导入名单。</translation>
        </message>
        <message>
            <source>Import cancelled: nothing was changed.</source>
            <translation>导入已取消：未作任何改动。</translation>
        </message>
        <message>
            <source>Student %1 was changed by someone else after the dry run; nothing was imported. Run the import again.</source>
            <translation>试运行之后学生 %1 被他人修改；未导入任何内容。请重新导入。</translation>
        </message>
        <message>
            <source>roster import</source>
            <translation>名单导入</translation>
        </message>
        <message>
            <source>row</source>
            <translation>行</translation>
        </message>
        <message>
            <source>problems</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>无法写入 %1：%2</translation>
        </message>
    </context>
    <context>
        <name>Simulator</name>
        <message>
            <source>The database holds no school: create one first (tucai demo create or tucai import).</source>
            <translation>数据库中没有学校：请先创建（tucai demo create 或 tucai import）。</translation>
        </message>
        <message>
            <source>The school has no active school administrator to hand out collection codes.</source>
            <translation>该学校没有可用的学校管理员来发放采集码。</translation>
        </message>
        <message>
            <source>Could not make the account %1.</source>
            <translation>无法创建账号 %1。</translation>
        </message>
    </context>
    <context>
        <name>StaffRole</name>
        <message>
            <source>School administrator</source>
            <translation>学校管理员</translation>
        </message>
        <message>
            <source>College administrator</source>
            <translation>学院管理员</translation>
        </message>
        <message>
            <source>Reviewer</source>
            <translation>审核员</translation>
        </message>
    </context>
    <context>
        <name>StaffService</name>
        <message>
            <source>Only school administrators manage staff accounts.</source>
            <translation>只有学校管理员可以管理工作人员账号。</translation>
        </message>
        <message>
            <source>User names have 3 to 32 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter.</source>
            <translation>用户名为 3 到 32 个字符：小写字母、数字、“.”、“_”或“-”，以字母开头。</translation>
        </message>
        <message>
            <source>Please enter the name shown for this staff member.</source>
            <translation>请输入该工作人员的显示名称。</translation>
        </message>
        <message>
            <source>A college administrator needs a college.</source>
            <translation>学院管理员必须指定学院。</translation>
        </message>
        <message>
            <source>A reviewer needs at least one assigned college or class.</source>
            <translation>审核员至少要分配一个学院或班级。</translation>
        </message>
        <message>
            <source>Please give a reason: it is kept in the audit log.</source>
            <translation>请填写原因：它将记入审计日志。</translation>
        </message>
        <message>
            <source>You cannot disable your own account.</source>
            <translation>不能停用自己的账号。</translation>
        </message>
        <message>
            <source>This staff account does not exist.</source>
            <translation>该工作人员账号不存在。</translation>
        </message>
        <message>
            <source>The account was changed by someone else meanwhile; nothing was saved.</source>
            <translation>在此期间该账号已被他人修改；未保存任何内容。</translation>
        </message>
        <message>
            <source>Only reviewers are assigned colleges and classes.</source>
            <translation>只有审核员需要分配学院和班级。</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <source>Cannot open the database</source>
            <translation>无法打开数据库</translation>
        </message>
    </context>
    <context>
        <name>StillMissing</name>
        <message numerus="yes">
            <source>%1: %n student(s) still without an approved photo</source>
            <translation>
                <numerusform>%1：%n 名学生尚无审核通过的照片</numerusform>
            </translation>
        </message>
        <message>
            <source>Still missing</source>
            <translation>尚未完成</translation>
        </message>
        <message>
            <source>College</source>
            <translation>学院</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>班级</translation>
        </message>
        <message>
            <source>Student number</source>
            <translation>学号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>已缴费</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>no</source>
            <translation>否</translation>
        </message>
    </context>
    <context>
        <name>StudentFlow</name>
        <message>
            <source>The account was changed meanwhile; nothing was saved.</source>
            <translation>账号已被他人修改，本次操作未保存。</translation>
        </message>
        <message>
            <source>Student %1 does not exist.</source>
            <translation>学生 %1 不存在。</translation>
        </message>
        <message>
            <source>This collection code belongs to another student.</source>
            <translation>该采集码属于其他学生。</translation>
        </message>
        <message>
            <source>The name or student number does not match the school&apos;s roster.</source>
            <translation>姓名或学号与学校名单不符。</translation>
        </message>
        <message>
            <source>This account is already verified.</source>
            <translation>该账号已完成验证。</translation>
        </message>
        <message>
            <source>Shooting is not possible in this state.</source>
            <translation>当前状态下不能拍摄。</translation>
        </message>
        <message>
            <source>Collection is closed at this time.</source>
            <translation>当前不在采集时间内。</translation>
        </message>
        <message>
            <source>The draft box is full: delete a draft first.</source>
            <translation>草稿箱已满：请先删除一张草稿。</translation>
        </message>
        <message>
            <source>There is no such draft.</source>
            <translation>没有这张草稿。</translation>
        </message>
        <message>
            <source>This draft was submitted before.</source>
            <translation>这张草稿已经提交过。</translation>
        </message>
        <message>
            <source>A photo is already submitted and waiting.</source>
            <translation>已有一张照片提交并在等待处理。</translation>
        </message>
        <message>
            <source>Submitting is not possible in this state.</source>
            <translation>当前状态下不能提交。</translation>
        </message>
        <message>
            <source>Nothing is waiting for payment.</source>
            <translation>没有待缴费的照片。</translation>
        </message>
    </context>
    <context>
        <name>StudentState</name>
        <message>
            <source>Not started</source>
            <translation>未开始</translation>
        </message>
        <message>
            <source>Verified</source>
            <translation>已核验</translation>
        </message>
        <message>
            <source>Drafting</source>
            <translation>草稿中</translation>
        </message>
        <message>
            <source>Cooling-off</source>
            <translation>冷静期</translation>
        </message>
        <message>
            <source>Locked (liveness)</source>
            <translation>已锁定（活体检测）</translation>
        </message>
        <message>
            <source>Awaiting payment</source>
            <translation>待缴费</translation>
        </message>
        <message>
            <source>Awaiting review</source>
            <translation>待审核</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>已通过</translation>
        </message>
        <message>
            <source>Returned</source>
            <translation>已退回</translation>
        </message>
        <message>
            <source>Exported</source>
            <translation>已导出</translation>
        </message>
    </context>
    <context>
        <name>StudentsPage</name>
        <message>
            <source>All students</source>
            <translation>全部学生</translation>
        </message>
        <message>
            <source>Locked after liveness failures</source>
            <translation>因活体检测失败被锁定</translation>
        </message>
        <message>
            <source>In a cooling-off period</source>
            <translation>处于冷静期</translation>
        </message>
        <message>
            <source>Draft box full</source>
            <translation>草稿箱已满</translation>
        </message>
        <message>
            <source>Not started</source>
            <translation>未开始</translation>
        </message>
        <message>
            <source>Awaiting payment</source>
            <translation>待缴费</translation>
        </message>
        <message>
            <source>Awaiting review</source>
            <translation>待审核</translation>
        </message>
        <message>
            <source>Returned</source>
            <translation>已退回</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>已通过</translation>
        </message>
        <message>
            <source>Submitted but unpaid</source>
            <translation>已提交未缴费</translation>
        </message>
        <message>
            <source>Verified or drafting</source>
            <translation>已核验或草稿中</translation>
        </message>
        <message>
            <source>Submitted (awaiting payment or review)</source>
            <translation>已提交（待缴费或待审核）</translation>
        </message>
        <message>
            <source>Locked (liveness or cooling-off)</source>
            <translation>已锁定（活体检测或冷静期）</translation>
        </message>
    </context>
    <context>
        <name>TableReader</name>
        <message>
            <source>The XLSX file has no %1: it is damaged or not a spreadsheet.</source>
            <translation>XLSX 文件中没有 %1：文件已损坏或不是电子表格。</translation>
        </message>
        <message>
            <source>Cannot read %1 inside the XLSX file.</source>
            <translation>无法读取 XLSX 文件中的 %1。</translation>
        </message>
        <message>
            <source>The file's text encoding was not recognised (expected UTF-8 or GBK/GB18030).</source>
            <translation>无法识别文件的文字编码（应为 UTF-8 或 GBK/GB18030）。</translation>
        </message>
        <message>
            <source>This system cannot write GB18030 text.</source>
            <translation>本系统无法写入 GB18030 编码的文本。</translation>
        </message>
        <message>
            <source>%1 is not a readable XLSX file (not a zip archive).</source>
            <translation>%1 不是可读取的 XLSX 文件（不是 zip 压缩包）。</translation>
        </message>
        <message>
            <source>The XLSX file's shared strings are damaged: %1</source>
            <translation>XLSX 文件的共享字符串已损坏：%1</translation>
        </message>
        <message>
            <source>The XLSX sheet is damaged: %1</source>
            <translation>XLSX 工作表已损坏：%1</translation>
        </message>
        <message>
            <source>Cannot open %1: %2</source>
            <translation>无法打开 %1：%2</translation>
        </message>
        <message>
            <source>%1 is an old Excel (.xls) file: save it as .xlsx or .csv first.</source>
            <translation>%1 是旧版 Excel（.xls）文件：请先另存为 .xlsx 或 .csv。</translation>
        </message>
        <message>
            <source>The sheet has more than %1 rows: split the roster.</source>
            <translation>工作表超过 %1 行：请拆分名单。</translation>
        </message>
        <message>
            <source>The sheet has a cell in column %1; a roster may use at most %2 columns.</source>
            <translation>工作表第 %1 列有单元格；名单最多只能使用 %2 列。</translation>
        </message>
        <message>
            <source>The sheet has more than %1 cells: split the roster.</source>
            <translation>工作表超过 %1 个单元格：请拆分名单。</translation>
        </message>
        <message>
            <source>The XLSX file is too large to read (%1 inside inflates to more than %2 MB).</source>
            <translation>XLSX 文件过大，无法读取（其中的 %1 解压后超过 %2 MB）。</translation>
        </message>
        <message>
            <source>Cannot read %1 inside the XLSX file (it is damaged).</source>
            <translation>无法读取 XLSX 文件中的 %1（文件已损坏）。</translation>
        </message>
        <message>
            <source>%1 is larger than %2 MB: split the roster.</source>
            <translation>%1 大于 %2 MB：请拆分名单。</translation>
        </message>
    </context>
    <context>
        <name>cli</name>
        <message>
            <source>error: --producer must be a, b or both</source>
            <translation>错误：--producer 必须是 a、b 或 both</translation>
        </message>
        <message>
            <source>usage: tucai eval [--faces DIR] [--profile FILE] [--split tune|test|all] [--producer a|b|both] [--people N] [--defects a,b] [--levels 1,2,3] [--no-real] [--stability] [--jobs N] [--values FILE.csv]
  --producer: which way of making the compliant photos is measured: a (GrabCut matte, scale from the hair top), b (backdrop flood matte, scale from the pupil distance, placement varied within the standard) or both (the default), each reported on its own
</source>
            <translation>用法：tucai eval [--faces DIR] [--profile FILE] [--split tune|test|all] [--producer a|b|both] [--people N] [--defects a,b] [--levels 1,2,3] [--no-real] [--stability] [--jobs N] [--values FILE.csv]
  --producer：评测哪种方式生成的合格照片：a（GrabCut 抠图，按发顶定缩放）、b（从原背景泛洪抠图，按瞳距定缩放，位置在标准范围内变化）或 both（默认），分别报告
</translation>
        </message>
        <message>
            <source>error: %1</source>
            <translation>错误：%1</translation>
        </message>
        <message>
            <source>error: --db is required</source>
            <translation>错误：必须指定 --db</translation>
        </message>
        <message>
            <source>error: --students must be a number from 1 to 5000000</source>
            <translation>错误：--students 必须是 1 到 5000000 之间的数字</translation>
        </message>
        <message>
            <source>error: --seed must be a whole number</source>
            <translation>错误：--seed 必须是整数</translation>
        </message>
        <message>
            <source>error: --now must be an ISO date and time, e.g. 2026-03-07T17:55:48+08:00</source>
            <translation>错误：--now 必须是 ISO 日期时间，例如 2026-03-07T17:55:48+08:00</translation>
        </message>
        <message>
            <source>error: unknown arguments: %1</source>
            <translation>错误：未知参数：%1</translation>
        </message>
        <message>
            <source>Demo school created in %1: %2 colleges, %3 classes, %4 students, %5 photos (%6 distinct), %7 staff.</source>
            <translation>演示学校已创建于 %1：%2 个学院，%3 个班级，%4 名学生，%5 张照片（%6 张不同），%7 名工作人员。</translation>
        </message>
        <message>
            <source>Photos made from the FRLL portraits in %1.</source>
            <translation>照片由 %1 中的 FRLL 人像制作。</translation>
        </message>
        <message>
            <source>No ../shared/faces found: photos are labelled placeholders.</source>
            <translation>未找到 ../shared/faces：照片为带标注的占位图。</translation>
        </message>
        <message>
            <source>%1 submitted photos carry a check report.</source>
            <translation>%1 张已提交照片带有检测报告。</translation>
        </message>
        <message>
            <source>%1 s, %2 students/s</source>
            <translation>%1 秒，每秒 %2 名学生</translation>
        </message>
        <message>
            <source>schema version %1 (this build: %2)</source>
            <translation>数据库结构版本 %1（本程序：%2）</translation>
        </message>
        <message>
            <source>The database is empty (no school yet).</source>
            <translation>数据库为空（尚无学校）。</translation>
        </message>
        <message>
            <source>Total: %1 students, %2 photos, %3 awaiting review, %4 approved.</source>
            <translation>合计：%1 名学生，%2 张照片，%3 名待审核，%4 名已通过。</translation>
        </message>
        <message>
            <source>error: --since must be an ISO date, e.g. 2026-03-07 or 2026-03-07T08:00:00</source>
            <translation>错误：--since 必须是 ISO 日期，例如 2026-03-07 或 2026-03-07T08:00:00</translation>
        </message>
        <message>
            <source>error: no staff member named %1</source>
            <translation>错误：没有名为 %1 的工作人员</translation>
        </message>
        <message>
            <source>error: --limit must be a positive number</source>
            <translation>错误：--limit 必须是正数</translation>
        </message>
        <message>
            <source>error: --out FILE.csv is required</source>
            <translation>错误：必须指定 --out 文件.csv</translation>
        </message>
        <message>
            <source>audit log broken at entry %1: %2</source>
            <translation>审计日志在第 %1 条记录处断裂：%2</translation>
        </message>
        <message>
            <source>audit log intact: %1 entries</source>
            <translation>审计日志完整：%1 条记录</translation>
        </message>
        <message>
            <source>%1 audit entries written to %2</source>
            <translation>已将 %1 条审计记录写入 %2</translation>
        </message>
        <message>
            <source>error: give --pdf and/or --csv: codes are shown only once, when generated</source>
            <translation>错误：请指定 --pdf 和/或 --csv：采集码只在生成时显示一次</translation>
        </message>
        <message>
            <source>error: --expires must be an ISO date, e.g. 2026-06-30</source>
            <translation>错误：--expires 必须是 ISO 日期，例如 2026-06-30</translation>
        </message>
        <message>
            <source>error: the database has no school yet</source>
            <translation>错误：数据库中尚无学校</translation>
        </message>
        <message>
            <source>error: no college '%1'</source>
            <translation>错误：没有学院“%1”</translation>
        </message>
        <message>
            <source>error: no class '%1'</source>
            <translation>错误：没有班级“%1”</translation>
        </message>
        <message>
            <source>error: </source>
            <translation>错误：</translation>
        </message>
        <message>
            <source>no codes were changed</source>
            <translation>采集码未作任何改动</translation>
        </message>
        <message>
            <source>error: no students in that selection</source>
            <translation>错误：所选范围内没有学生</translation>
        </message>
        <message>
            <source>%1 codes generated in %2 ms (earlier codes of these students no longer work)</source>
            <translation>已在 %2 毫秒内生成 %1 个采集码（这些学生原来的采集码已失效）</translation>
        </message>
        <message>
            <source>PDF: %1</source>
            <translation>PDF：%1</translation>
        </message>
        <message>
            <source>CSV: %1</source>
            <translation>CSV：%1</translation>
        </message>
        <message>
            <source>error: %1 has no rows</source>
            <translation>错误：%1 中没有数据行</translation>
        </message>
        <message>
            <source>error: the header row must name the columns 学号/student no, 姓名/name, 身份证号/ID number and 班级/class (学院/college and 手机/phone are optional)</source>
            <translation>错误：表头必须包含 学号、姓名、身份证号 和 班级 列（学院 和 手机 可选）</translation>
        </message>
        <message>
            <source>%1 (%2, %3): %4 new, %5 changed, %6 unchanged, %7 rows with problems</source>
            <translation>%1（%2，%3）：新增 %4，修改 %5，不变 %6，%7 行有问题</translation>
        </message>
        <message>
            <source>  row %1: %2</source>
            <translation>  第 %1 行：%2</translation>
        </message>
        <message>
            <source>Problem rows saved to %1</source>
            <translation>有问题的行已保存到 %1</translation>
        </message>
        <message>
            <source>Dry run: nothing was written.</source>
            <translation>试运行：未写入任何内容。</translation>
        </message>
        <message>
            <source>Imported in %1 s: %2 added, %3 updated, %4 unchanged, %5 rows left out.</source>
            <translation>导入用时 %1 秒：新增 %2，更新 %3，不变 %4，%5 行未导入。</translation>
        </message>
        <message>
            <source>error: %1 needs a non-negative number</source>
            <translation>错误：%1 需要一个非负数</translation>
        </message>
        <message>
            <source>error: no usable webhook URL (give --url or set the school setting '%1'): %2</source>
            <translation>错误：没有可用的 Webhook 地址（请指定 --url 或设置学校设置项“%1”）：%2</translation>
        </message>
        <message>
            <source>delivered #%1</source>
            <translation>已送达 #%1</translation>
        </message>
        <message>
            <source>failed #%1 (gave up): %2</source>
            <translation>失败 #%1（已放弃）：%2</translation>
        </message>
        <message>
            <source>attempt failed #%1 (will retry): %2</source>
            <translation>本次尝试失败 #%1（将重试）：%2</translation>
        </message>
        <message>
            <source>database problem: %1</source>
            <translation>数据库问题：%1</translation>
        </message>
        <message>
            <source>delivering to %1%2</source>
            <translation>正在推送到 %1%2</translation>
        </message>
        <message>
            <source> (until nothing is due)</source>
            <translation>（直到没有待发送的通知）</translation>
        </message>
        <message>
            <source>%1 delivered, %2 failed attempts, %3 given up</source>
            <translation>已送达 %1，失败尝试 %2，已放弃 %3</translation>
        </message>
        <message>
            <source>error: not an outbox id: %1</source>
            <translation>错误：不是推送记录编号：%1</translation>
        </message>
        <message>
            <source>#%1 is not a failed row; left as it is</source>
            <translation>#%1 不是失败记录；保持不变</translation>
        </message>
        <message>
            <source>%1 row(s) queued again</source>
            <translation>已重新排队 %1 条记录</translation>
        </message>
        <message>
            <source>error: keep credentials out of the URL; the signature secret is given to the sender only</source>
            <translation>错误：地址中不要包含凭据；签名密钥只交给推送程序</translation>
        </message>
        <message>
            <source>error: the database has no school</source>
            <translation>错误：数据库中没有学校</translation>
        </message>
        <message>
            <source>webhook URL cleared</source>
            <translation>已清除 Webhook 地址</translation>
        </message>
        <message>
            <source>webhook URL set to %1</source>
            <translation>Webhook 地址已设为 %1</translation>
        </message>
        <message>
            <source>error: the environment variable %1 is empty</source>
            <translation>错误：环境变量 %1 为空</translation>
        </message>
        <message>
            <source>error: database roles exist only on PostgreSQL; on SQLite staff log in with their passwords</source>
            <translation>错误：数据库角色仅在 PostgreSQL 上存在；在 SQLite 上工作人员用密码登录</translation>
        </message>
        <message>
            <source>%1 staff login roles in place: %2</source>
            <translation>已就绪 %1 个工作人员登录角色：%2</translation>
        </message>
        <message>
            <source>error: --role must be school_admin, college_admin or reviewer</source>
            <translation>错误：--role 必须是 school_admin、college_admin 或 reviewer</translation>
        </message>
        <message>
            <source>Staff member %1 created (id %2)%3</source>
            <translation>已创建工作人员 %1（编号 %2）%3</translation>
        </message>
        <message>
            <source>, database login role %1</source>
            <translation>，数据库登录角色 %1</translation>
        </message>
        <message>
            <source>error: --demo-passwords is for demo databases: %1 no longer use the demo password, their database logins were left unchanged</source>
            <translation>错误：--demo-passwords 仅用于演示数据库：%1 已不再使用演示密码，其数据库登录未作更改</translation>
        </message>
        <message>
            <source>error: %1 holds no Tucai Admin schema (not a collection database).</source>
            <translation>错误：%1 中没有图采管理端的数据结构（不是采集数据库）。</translation>
        </message>
        <message>
            <source>error: the database uses schema version %1; this build checks version %2. Run `tucai db migrate` first, or use the matching version of Tucai Admin.</source>
            <translation>错误：数据库的结构版本为 %1，本程序检查的是版本 %2。请先运行 `tucai db migrate`，或使用与之匹配的图采管理端版本。</translation>
        </message>
        <message>
            <source>%1: more rows break this rule; only the first %2 are listed (--limit)</source>
            <translation>%1：违反此规则的行更多，只列出了前 %2 行（--limit）</translation>
        </message>
        <message>
            <source>%1: no violation of %2 rules (%3 ms)</source>
            <translation>%1：%2 条规则均未违反（%3 毫秒）</translation>
        </message>
        <message>
            <source>%1: %2 violations of %3 rules (%4 ms)</source>
            <translation>%1：发现 %2 处违反（共 %3 条规则，%4 毫秒）</translation>
        </message>
        <message>
            <source>%1 s  arrived %2  verified %3  shots %4 (drafts %5, failed %6, liveness %7)  submitted %8  paid %9  decisions %10 (%11 approved, %12 returned)  locked %13  cooling %14  lost %15</source>
            <translation>%1 秒  到达 %2  验证 %3  拍摄 %4（草稿 %5，未通过 %6，活体 %7）  提交 %8  缴费 %9  审核 %10（通过 %11，退回 %12）  锁定 %13  冷静期 %14  断线 %15</translation>
        </message>
        <message>
            <source>--students must be a whole number, 0 or more</source>
            <translation>--students 必须是大于等于 0 的整数</translation>
        </message>
        <message>
            <source>--rate must be a number of arrivals per minute above 0</source>
            <translation>--rate 必须是大于 0 的每分钟到达人数</translation>
        </message>
        <message>
            <source>--duration must be a whole number of seconds, 0 or more</source>
            <translation>--duration 必须是大于等于 0 的整数秒</translation>
        </message>
        <message>
            <source>--reviewers must be a number from 0 to 64</source>
            <translation>--reviewers 必须是 0 到 64 之间的数字</translation>
        </message>
        <message>
            <source>--seed must be a whole number</source>
            <translation>--seed 必须是整数</translation>
        </message>
        <message>
            <source>--speed must be a number from 0.01 to 10000</source>
            <translation>--speed 必须是 0.01 到 10000 之间的数字</translation>
        </message>
        <message>
            <source>unknown arguments: %1</source>
            <translation>未知参数：%1</translation>
        </message>
        <message>
            <source>--db is required</source>
            <translation>必须指定 --db</translation>
        </message>
        <message>
            <source>Simulating the students of %1 on %2 (%3 reviewers, keys %4*); Ctrl+C stops.</source>
            <translation>正在模拟 %1 的学生，数据库 %2（%3 名审核员，幂等键 %4*）；按 Ctrl+C 停止。</translation>
        </message>
        <message>
            <source>Stopped after %1 s.</source>
            <translation>运行 %1 秒后停止。</translation>
        </message>
        <message>
            <source>Done after %1 s.</source>
            <translation>运行 %1 秒后完成。</translation>
        </message>
        <message>
            <source>students: %1 came, %2 verified (%3 were shown a notice), %4 approved</source>
            <translation>学生：到达 %1，验证 %2（%3 人看到通知），审核通过 %4</translation>
        </message>
        <message>
            <source>shots: %1 (%2 to the draft box, %3 failed the checks, %4 failed liveness); %5 liveness locks, %6 cooling-offs</source>
            <translation>拍摄：%1 次（存入草稿箱 %2，未通过检测 %3，活体未通过 %4）；活体锁定 %5 次，冷静期 %6 次</translation>
        </message>
        <message>
            <source>draft box: %1 times full, %2 drafts deleted; %3 times outside the collection hours</source>
            <translation>草稿箱：已满 %1 次，删除草稿 %2 张；不在采集时间 %3 次</translation>
        </message>
        <message>
            <source>submitted: %1 (%2 had to pay first, %3 paid); %4 shot again after a return</source>
            <translation>提交：%1 次（需先缴费 %2，已缴费 %3）；退回后重拍 %4 人</translation>
        </message>
        <message>
            <source>decisions: %1 (%2 approved, %3 returned); %4 lost to another reviewer</source>
            <translation>审核：%1 次（通过 %2，退回 %3）；被其他审核员抢先 %4 次</translation>
        </message>
        <message>
            <source>connection lost %1 times with an action in flight (%6 other database failures): %2 found committed, %3 sent again, %4 given up; settings changed %5 times</source>
            <translation>操作进行中连接中断 %1 次（其他数据库错误 %6 次）：已提交 %2，重发 %3，放弃 %4；设置变更 %5 次</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Cannot open the database</source>
            <translation>无法打开数据库</translation>
        </message>
        <message>
            <source>Log-in failed</source>
            <translation>登录失败</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::AuditPage</name>
        <message>
            <source>Search reason, before, after</source>
            <translation>搜索原因、修改前、修改后</translation>
        </message>
        <message>
            <source>any time</source>
            <translation>任意时间</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <source>Export the filtered entries (Ctrl+E)</source>
            <translation>导出筛选出的记录（Ctrl+E）</translation>
        </message>
        <message>
            <source>Verify chain</source>
            <translation>校验哈希链</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>工作人员</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Since</source>
            <translation>起始</translation>
        </message>
        <message>
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>对象</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>修改前</translation>
        </message>
        <message>
            <source>After</source>
            <translation>修改后</translation>
        </message>
        <message>
            <source>Export audit log</source>
            <translation>导出审计日志</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>Everyone</source>
            <translation>所有人</translation>
        </message>
        <message>
            <source>All actions</source>
            <translation>全部操作</translation>
        </message>
        <message>
            <source>%1 of %2 entries shown (newest first); narrow the filter or export.</source>
            <translation>显示 %1/%2 条记录（最新的在前）；请缩小筛选范围或导出。</translation>
        </message>
        <message numerus="yes">
            <source>%n entries</source>
            <translation>
                <numerusform>%n 条记录</numerusform>
            </translation>
        </message>
        <message>
            <source>The audit log was tampered with: %1</source>
            <translation>审计日志被篡改：%1</translation>
        </message>
        <message numerus="yes">
            <source>The audit log is intact (%n entries).</source>
            <translation>
                <numerusform>审计日志完整（%n 条记录）。</numerusform>
            </translation>
        </message>
        <message>
            <source>Exported to %1</source>
            <translation>已导出到 %1</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>审计日志</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <source>Verifying the audit log…</source>
            <translation>正在校验审计日志…</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>正在导出…</translation>
        </message>
        <message>
            <source>Entry %1 at %2 by %3
Action: %4
Target: %5
Reason: %6

Before:
%7

After:
%8

Hash: %9</source>
            <translation>记录 %1，%2，操作人 %3
操作：%4
对象：%5
原因：%6

修改前：
%7

修改后：
%8

哈希：%9</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::CodeListModel</name>
        <message>
            <source>Student</source>
            <translation>学生</translation>
        </message>
        <message>
            <source>School/batch</source>
            <translation>学校/批次</translation>
        </message>
        <message>
            <source>never</source>
            <translation>永不</translation>
        </message>
        <message>
            <source>Revoked (%1)</source>
            <translation>已作废（%1）</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>已过期</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>有效</translation>
        </message>
        <message>
            <source>Student no.</source>
            <translation>学号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>班级</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>创建时间</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>过期时间</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::CodesPage</name>
        <message>
            <source>Expires on</source>
            <translation>过期日期</translation>
        </message>
        <message>
            <source>Show revoked</source>
            <translation>显示已作废</translation>
        </message>
        <message>
            <source>&amp;Generate codes and save PDF...</source>
            <translation>生成采集码并保存 PDF(&amp;G)...</translation>
        </message>
        <message>
            <source>New codes for every student of the selection; their earlier codes stop working (Ctrl+G)</source>
            <translation>为所选范围内的每个学生生成新采集码；原采集码随即失效（Ctrl+G）</translation>
        </message>
        <message>
            <source>School/&amp;batch code...</source>
            <translation>学校/批次码(&amp;B)...</translation>
        </message>
        <message>
            <source>One shared code for the school or the selected college (e.g. for a collection session)</source>
            <translation>学校或所选学院共用的一个采集码（例如用于一次集中采集）</translation>
        </message>
        <message>
            <source>&amp;Revoke</source>
            <translation>作废(&amp;R)</translation>
        </message>
        <message>
            <source>Revoke the selected codes (Del)</source>
            <translation>作废所选采集码（Del）</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Type or scan a code to check it</source>
            <translation>输入或扫描采集码以校验</translation>
        </message>
        <message>
            <source>&amp;Check</source>
            <translation>校验(&amp;C)</translation>
        </message>
        <message>
            <source>College</source>
            <translation>学院</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>班级</translation>
        </message>
        <message>
            <source>%1 codes generated; earlier codes of these students no longer work. Saved %2 and %3.</source>
            <translation>已生成 %1 个采集码；这些学生原来的采集码已失效。已保存 %2 和 %3。</translation>
        </message>
        <message>
            <source>Collection codes</source>
            <translation>采集码</translation>
        </message>
        <message numerus="yes">
            <source>%n selected student(s) from the filtered list; choose a college or class to go back.</source>
            <translation>
                <numerusform>从筛选结果中选出的 %n 名学生；选择学院或班级可返回。</numerusform>
            </translation>
        </message>
        <message>
            <source>All colleges</source>
            <translation>全部学院</translation>
        </message>
        <message>
            <source>All classes</source>
            <translation>全部班级</translation>
        </message>
        <message numerus="yes">
            <source>%n selected student(s)</source>
            <translation>
                <numerusform>已选 %n 名学生</numerusform>
            </translation>
        </message>
        <message>
            <source>Save the code sheet</source>
            <translation>保存采集码打印页</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>Generate codes</source>
            <translation>生成采集码</translation>
        </message>
        <message>
            <source>Generate new codes for every student of %1? Codes handed out before stop working. The codes are shown only now: they are saved to %2 and %3.</source>
            <translation>为 %1 的每个学生生成新采集码吗？之前发放的采集码将失效。采集码只在此时显示：将保存到 %2 和 %3。</translation>
        </message>
        <message>
            <source>Generating codes...</source>
            <translation>正在生成采集码...</translation>
        </message>
        <message>
            <source>Cancelled: no codes were changed.</source>
            <translation>已取消：采集码未作任何改动。</translation>
        </message>
        <message>
            <source>No codes were changed.</source>
            <translation>采集码未作任何改动。</translation>
        </message>
        <message>
            <source>There are no students in this selection.</source>
            <translation>所选范围内没有学生。</translation>
        </message>
        <message>
            <source>School/batch code</source>
            <translation>学校/批次码</translation>
        </message>
        <message>
            <source>Label (e.g. the collection session):</source>
            <translation>标签（例如采集场次）：</translation>
        </message>
        <message>
            <source>The new code is %1
Write it down now: it is not stored and cannot be shown again.</source>
            <translation>新的采集码是 %1
请立即记下：它不会被保存，也无法再次显示。</translation>
        </message>
        <message>
            <source>Revoke codes</source>
            <translation>作废采集码</translation>
        </message>
        <message numerus="yes">
            <source>Revoke %n code(s)? They stop working at once.</source>
            <translation>
                <numerusform>作废 %n 个采集码吗？它们将立即失效。</numerusform>
            </translation>
        </message>
        <message>
            <source>revoked by staff</source>
            <translation>由工作人员作废</translation>
        </message>
        <message numerus="yes">
            <source>%n code(s) revoked.</source>
            <translation>
                <numerusform>已作废 %n 个采集码。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::ConnectionDialog</name>
        <message>
            <source>Connect to the collection database</source>
            <translation>连接采集数据库</translation>
        </message>
        <message>
            <source>Database file on this computer (SQLite)</source>
            <translation>本机数据库文件（SQLite）</translation>
        </message>
        <message>
            <source>Database server (PostgreSQL)</source>
            <translation>数据库服务器（PostgreSQL）</translation>
        </message>
        <message>
            <source>Path of the .sqlite file</source>
            <translation>.sqlite 文件的路径</translation>
        </message>
        <message>
            <source>Browse...</source>
            <translation>浏览...</translation>
        </message>
        <message>
            <source>Remember the password in the system keychain</source>
            <translation>在系统钥匙串中记住密码</translation>
        </message>
        <message>
            <source>This build has no keychain support: the password is asked each time.</source>
            <translation>此版本不支持钥匙串：每次都需输入密码。</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>服务器</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>端口</translation>
        </message>
        <message>
            <source>Database</source>
            <translation>数据库</translation>
        </message>
        <message>
            <source>User</source>
            <translation>用户</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Connect</source>
            <translation>连接</translation>
        </message>
        <message>
            <source>Open database file</source>
            <translation>打开数据库文件</translation>
        </message>
        <message>
            <source>Tucai databases (*.sqlite *.db);;All files (*)</source>
            <translation>图采数据库 (*.sqlite *.db);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Automatic (verify the certificate unless the server is this computer)</source>
            <translation>自动（除非服务器就是本机，否则验证证书）</translation>
        </message>
        <message>
            <source>Verify certificate and server name (verify-full)</source>
            <translation>验证证书和服务器名称</translation>
        </message>
        <message>
            <source>Verify certificate only (verify-ca)</source>
            <translation>仅验证证书</translation>
        </message>
        <message>
            <source>Encrypt without verifying (require)</source>
            <translation>加密但不验证</translation>
        </message>
        <message>
            <source>Encrypt if the server can (prefer)</source>
            <translation>服务器支持时加密</translation>
        </message>
        <message>
            <source>No encryption (disable)</source>
            <translation>不加密</translation>
        </message>
        <message>
            <source>Root certificate of the server (.crt / .pem)</source>
            <translation>服务器的根证书文件</translation>
        </message>
        <message>
            <source>Root certificate</source>
            <translation>根证书</translation>
        </message>
        <message>
            <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
            <translation>证书 (*.crt *.pem *.cer);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Encryption</source>
            <translation>加密</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::DashboardCharts</name>
        <message>
            <source>Progress per college</source>
            <translation>各学院进度</translation>
        </message>
        <message numerus="yes">
            <source>Overall: %n student(s)</source>
            <translation>
                <numerusform>总计：%n 名学生</numerusform>
            </translation>
        </message>
        <message>
            <source>Daily submissions and decisions</source>
            <translation>每日提交与审核</translation>
        </message>
        <message>
            <source>Submitted</source>
            <translation>已提交</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>已通过</translation>
        </message>
        <message>
            <source>Returned</source>
            <translation>已退回</translation>
        </message>
        <message>
            <source>Most violated rules</source>
            <translation>最常违反的规则</translation>
        </message>
        <message>
            <source>Photos</source>
            <translation>照片</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>Reviewer throughput</source>
            <translation>审核员工作量</translation>
        </message>
        <message>
            <source>%1 (%2/day)</source>
            <translation>%1（%2/天）</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::DashboardPage</name>
        <message>
            <source>&amp;Refresh</source>
            <translation>刷新(&amp;R)</translation>
        </message>
        <message>
            <source>Compute the figures again (%1)</source>
            <translation>重新计算数据（%1）</translation>
        </message>
        <message>
            <source>No automatic refresh</source>
            <translation>不自动刷新</translation>
        </message>
        <message>
            <source>Every minute</source>
            <translation>每分钟</translation>
        </message>
        <message>
            <source>Every 5 minutes</source>
            <translation>每 5 分钟</translation>
        </message>
        <message>
            <source>Every 15 minutes</source>
            <translation>每 15 分钟</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>概览</translation>
        </message>
        <message>
            <source>Still missing</source>
            <translation>尚未完成</translation>
        </message>
        <message>
            <source>Computing the figures...</source>
            <translation>正在计算数据...</translation>
        </message>
        <message>
            <source>The figures could not be computed: %1</source>
            <translation>无法计算数据：%1</translation>
        </message>
        <message>
            <source>%1 students, %2 approved (%3%). Window %4 to %5. Updated %6 (%7 ms).</source>
            <translation>%1 名学生，%2 名已通过（%3%）。采集时间 %4 至 %5。更新于 %6（%7 毫秒）。</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>数据看板</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::ExportPage</name>
        <message>
            <source>Paid students only</source>
            <translation>仅限已缴费学生</translation>
        </message>
        <message>
            <source>Only photos decided between</source>
            <translation>仅限审核时间在此区间的照片</translation>
        </message>
        <message>
            <source>One zip per college, a folder per class</source>
            <translation>每个学院一个 zip，每个班级一个文件夹</translation>
        </message>
        <message>
            <source>One zip, a folder per college and class</source>
            <translation>一个 zip，按学院和班级分文件夹</translation>
        </message>
        <message>
            <source>Fields: {学号} student number, {身份证号} ID number, {学院} college, {班级} class, {姓名} name</source>
            <translation>字段：{学号} 学号，{身份证号} 身份证号，{学院} 学院，{班级} 班级，{姓名} 姓名</translation>
        </message>
        <message>
            <source>&amp;Browse...</source>
            <translation>浏览(&amp;B)...</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>导出(&amp;E)</translation>
        </message>
        <message>
            <source>Start the export (%1)</source>
            <translation>开始导出（%1）</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>取消(&amp;C)</translation>
        </message>
        <message>
            <source>Stop the export; nothing is left under the final names (Esc)</source>
            <translation>停止导出；不会留下任何最终文件（Esc）</translation>
        </message>
        <message>
            <source>Selection</source>
            <translation>范围</translation>
        </message>
        <message>
            <source>Colleges (none checked = all)</source>
            <translation>学院（不勾选 = 全部）</translation>
        </message>
        <message>
            <source>Classes (none checked = all)</source>
            <translation>班级（不勾选 = 全部）</translation>
        </message>
        <message>
            <source>and</source>
            <translation>至</translation>
        </message>
        <message>
            <source>Package</source>
            <translation>数据包</translation>
        </message>
        <message>
            <source>Layout:</source>
            <translation>结构：</translation>
        </message>
        <message>
            <source>File names:</source>
            <translation>文件名：</translation>
        </message>
        <message>
            <source>Folder:</source>
            <translation>文件夹：</translation>
        </message>
        <message>
            <source>Photos that are not %1x%2 JPEG of %3-%4 KB are re-encoded; the others are copied byte for byte.</source>
            <translation>不是 %1x%2、%3-%4 KB 的 JPEG 照片将重新编码；其余照片按原样复制。</translation>
        </message>
        <message>
            <source>Export to folder</source>
            <translation>导出到文件夹</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Choose the folder to export to.</source>
            <translation>请选择导出的文件夹。</translation>
        </message>
        <message>
            <source>Exporting...</source>
            <translation>正在导出...</translation>
        </message>
        <message>
            <source>Cancelling...</source>
            <translation>正在取消...</translation>
        </message>
        <message>
            <source>Export cancelled: nothing was written under the final names.</source>
            <translation>导出已取消：没有写入任何最终文件。</translation>
        </message>
        <message>
            <source>Export failed: %1</source>
            <translation>导出失败：%1</translation>
        </message>
        <message>
            <source>%1 approved photos selected, %2 exported (%3 re-encoded), %4 failed.</source>
            <translation>选中 %1 张审核通过的照片，已导出 %2 张（其中 %3 张重新编码），%4 张失败。</translation>
        </message>
        <message>
            <source>Renamed (duplicate name): %1</source>
            <translation>已改名（重名）：%1</translation>
        </message>
        <message>
            <source>Failed: %1 %2: %3</source>
            <translation>失败：%1 %2：%3</translation>
        </message>
        <message numerus="yes">
            <source>%n student(s) marked as exported.</source>
            <translation>
                <numerusform>已将 %n 名学生标记为已导出。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::ImportDialog</name>
        <message>
            <source>Import a student roster</source>
            <translation>导入学生名单</translation>
        </message>
        <message>
            <source>Choose file…</source>
            <translation>选择文件…</translation>
        </message>
        <message>
            <source>Roster file</source>
            <translation>名单文件</translation>
        </message>
        <message>
            <source>Rosters (*.csv *.xlsx *.txt)</source>
            <translation>名单 (*.csv *.xlsx *.txt)</translation>
        </message>
        <message>
            <source> (optional)</source>
            <translation>（可选）</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>行</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>Check (dry run)</source>
            <translation>检查（试运行）</translation>
        </message>
        <message>
            <source>Save problem rows…</source>
            <translation>保存有问题的行…</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message numerus="yes">
            <source>%1, %2, %n row(s)</source>
            <translation>
                <numerusform>%1，%2，%n 行</numerusform>
            </translation>
        </message>
        <message>
            <source>(not in the file)</source>
            <translation>（文件中没有）</translation>
        </message>
        <message>
            <source>Check the column mapping, then run the dry run.</source>
            <translation>请核对列的对应关系，然后试运行。</translation>
        </message>
        <message>
            <source>Choose the columns for student number, name, ID number and class.</source>
            <translation>请选择学号、姓名、身份证号和班级所在的列。</translation>
        </message>
        <message>
            <source>Dry run: %1 new, %2 changed, %3 unchanged, %4 row(s) with problems (left out of the import).</source>
            <translation>试运行：新增 %1，修改 %2，不变 %3，%4 行有问题（不会导入）。</translation>
        </message>
        <message>
            <source>Imported: %1 added, %2 updated, %3 unchanged, %4 row(s) left out.</source>
            <translation>已导入：新增 %1，更新 %2，不变 %3，%4 行未导入。</translation>
        </message>
        <message>
            <source>Save problem rows</source>
            <translation>保存有问题的行</translation>
        </message>
        <message>
            <source>-problems.csv</source>
            <translation>-问题行.csv</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message numerus="yes">
            <source>%n problem row(s) saved to %1.</source>
            <translation>
                <numerusform>已将 %n 个有问题的行保存到 %1。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::LoginDialog</name>
        <message>
            <source>User name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Log in</source>
            <translation>登录</translation>
        </message>
        <message>
            <source>Database %1 on the server %2</source>
            <translation>服务器 %2 上的数据库 %1</translation>
        </message>
        <message>
            <source>Database file %1</source>
            <translation>数据库文件 %1</translation>
        </message>
        <message>
            <source>Log in to Tucai Admin</source>
            <translation>登录图采管理端</translation>
        </message>
        <message>
            <source>Tucai Admin</source>
            <translation>图采管理端</translation>
        </message>
        <message>
            <source>Graduation photo collection, staff side</source>
            <translation>毕业生图像采集 · 学校工作人员端</translation>
        </message>
        <message>
            <source>Demo database: click an account to fill it in</source>
            <translation>演示数据库：点击账号即可填入</translation>
        </message>
        <message>
            <source>Fill in %1 and its password</source>
            <translation>填入 %1 及其密码</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::MainWindow</name>
        <message>
            <source>%1 %2 %3</source>
            <comment>connection banner: why, when the next attempt is, what still works</comment>
            <translation>%1%2%3</translation>
        </message>
        <message>
            <source>Try again now</source>
            <translation>立即重试</translation>
        </message>
        <message>
            <source>The database file is missing — waiting for it to come back… (attempt %1)</source>
            <translation>数据库文件不见了——正在等待它恢复……（第 %1 次尝试）</translation>
        </message>
        <message>
            <source>Connection to the database lost — reconnecting… (attempt %1)</source>
            <translation>与数据库的连接已断开——正在重新连接……（第 %1 次尝试）</translation>
        </message>
        <message numerus="yes">
            <source>Next attempt in %n second(s).</source>
            <translation>
                <numerusform>%n 秒后再次尝试。</numerusform>
            </translation>
        </message>
        <message>
            <source>Trying now…</source>
            <translation>正在尝试……</translation>
        </message>
        <message>
            <source>What is on screen stays readable; changes are not saved until the connection is back.</source>
            <translation>屏幕上的内容仍可查看；连接恢复之前，所做的更改不会保存。</translation>
        </message>
        <message>
            <source>Connection to the database restored.</source>
            <translation>与数据库的连接已恢复。</translation>
        </message>
        <message>
            <source>Tucai Admin</source>
            <translation>图采管理端</translation>
        </message>
        <message>
            <source>%1 (%2) - %3</source>
            <translation>%1（%2）- %3</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Connect to another database...</source>
            <translation>连接其他数据库(&amp;C)...</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>转到(&amp;G)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>The new language is used from the next start of Tucai Admin.</source>
            <translation>新语言将在下次启动图采管理端时生效。</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>快捷键(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;About Tucai Admin</source>
            <translation>关于图采管理端(&amp;A)</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>快捷键</translation>
        </message>
        <message>
            <source>About Tucai Admin</source>
            <translation>关于图采管理端</translation>
        </message>
        <message>
            <source>Tucai Admin %1
Qt %2, OpenCV %3, schema %4
Log file: %5</source>
            <translation>图采管理端 %1
Qt %2，OpenCV %3，数据库结构 %4
日志文件：%5</translation>
        </message>
        <message>
            <source>&amp;Narrow navigation (icons only)</source>
            <translation>窄导航栏（仅图标）(&amp;N)</translation>
        </message>
        <message numerus="yes">
            <source>%1: %n photo(s) awaiting review</source>
            <translation>
                <numerusform>%1：%n 张照片待审核</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::NoticeListModel</name>
        <message>
            <source>College %1</source>
            <translation>学院 %1</translation>
        </message>
        <message>
            <source>Whole school</source>
            <translation>全校</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>For</source>
            <translation>范围</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Published / scheduled</source>
            <translation>发布/定时</translation>
        </message>
        <message>
            <source>Last change</source>
            <translation>最近修改</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::NoticesPage</name>
        <message>
            <source>&amp;New notice</source>
            <translation>新建通知(&amp;N)</translation>
        </message>
        <message>
            <source>Write a new notice (Ctrl+N)</source>
            <translation>撰写新通知（Ctrl+N）</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Collection details shown with the notice</source>
            <translation>随通知显示的采集信息</translation>
        </message>
        <message>
            <source>Collection window</source>
            <translation>采集时间</translation>
        </message>
        <message>
            <source>e.g. 2026-05-01, 2026-05-02</source>
            <translation>例如 2026-05-01, 2026-05-02</translation>
        </message>
        <message>
            <source> yuan</source>
            <translation> 元</translation>
        </message>
        <message>
            <source>Daily hours</source>
            <translation>每日时段</translation>
        </message>
        <message>
            <source>Closure days</source>
            <translation>暂停采集日</translation>
        </message>
        <message>
            <source>Fee</source>
            <translation>费用</translation>
        </message>
        <message>
            <source>Contacts</source>
            <translation>联系方式</translation>
        </message>
        <message>
            <source>Attachments</source>
            <translation>附件</translation>
        </message>
        <message>
            <source>Add...</source>
            <translation>添加...</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>Save (Ctrl+S): a new version in the history</source>
            <translation>保存（Ctrl+S）：在历史中新增一个版本</translation>
        </message>
        <message>
            <source>&amp;Preview</source>
            <translation>预览(&amp;P)</translation>
        </message>
        <message>
            <source>Show the notice as a student sees it on a phone (Ctrl+P)</source>
            <translation>按学生在手机上看到的样子显示通知（Ctrl+P）</translation>
        </message>
        <message>
            <source>S&amp;chedule</source>
            <translation>定时发布(&amp;C)</translation>
        </message>
        <message>
            <source>Publish automatically at the chosen time</source>
            <translation>在选定的时间自动发布</translation>
        </message>
        <message>
            <source>Publish &amp;now</source>
            <translation>立即发布(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Unschedule</source>
            <translation>取消定时(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Archive</source>
            <translation>归档(&amp;A)</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>操作人</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>What changed</source>
            <translation>修改内容</translation>
        </message>
        <message>
            <source>History</source>
            <translation>历史</translation>
        </message>
        <message>
            <source>Whole school</source>
            <translation>全校</translation>
        </message>
        <message>
            <source>Publish</source>
            <translation>发布</translation>
        </message>
        <message>
            <source>Publish "%1" now? Students see it at once.</source>
            <translation>立即发布“%1”吗？学生将马上看到。</translation>
        </message>
        <message>
            <source>Archive</source>
            <translation>归档</translation>
        </message>
        <message>
            <source>Archive "%1"? Students no longer see it.</source>
            <translation>归档“%1”吗？学生将不再看到。</translation>
        </message>
        <message>
            <source>Attach a file</source>
            <translation>添加附件</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>未保存的修改</translation>
        </message>
        <message>
            <source>Discard the changes to "%1"?</source>
            <translation>放弃对“%1”的修改吗？</translation>
        </message>
        <message>
            <source>%1 · version %2%3</source>
            <translation>%1 · 第 %2 版%3</translation>
        </message>
        <message>
            <source> · unsaved changes</source>
            <translation> · 有未保存的修改</translation>
        </message>
        <message>
            <source>New notice (not saved yet)</source>
            <translation>新通知（尚未保存）</translation>
        </message>
        <message>
            <source>Notice not saved</source>
            <translation>通知未保存</translation>
        </message>
        <message>
            <source>%1 is larger than 20 MB.</source>
            <translation>%1 大于 20 MB。</translation>
        </message>
        <message>
            <source>Cannot read %1: %2</source>
            <translation>无法读取 %1：%2</translation>
        </message>
        <message>
            <source>(system)</source>
            <translation>（系统）</translation>
        </message>
        <message>
            <source>Notices</source>
            <translation>通知</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::OutboxModel</name>
        <message>
            <source>Waiting</source>
            <translation>等待中</translation>
        </message>
        <message>
            <source>Sending</source>
            <translation>发送中</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>已送达</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <source>Written</source>
            <translation>写入时间</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Student</source>
            <translation>学生</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Attempts</source>
            <translation>尝试次数</translation>
        </message>
        <message>
            <source>Next attempt</source>
            <translation>下次尝试</translation>
        </message>
        <message>
            <source>Last error</source>
            <translation>最近错误</translation>
        </message>
        <message>
            <source>Withdrawn (decision undone)</source>
            <translation>已撤回（决定已撤销）</translation>
        </message>
        <message>
            <source>%1
Idempotency key: %2</source>
            <translation>%1
幂等键：%2</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::OutboxPage</name>
        <message>
            <source>Notifications</source>
            <translation>通知推送</translation>
        </message>
        <message>
            <source>&amp;Show:</source>
            <translation>显示(&amp;S)：</translation>
        </message>
        <message>
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>Reload the list (%1)</source>
            <translation>重新加载列表（%1）</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>重试</translation>
        </message>
        <message>
            <source>Send the selected failed notifications again (%1)</source>
            <translation>重新发送所选的失败通知（%1）</translation>
        </message>
        <message>
            <source>Checking the webhook settings...</source>
            <translation>正在检查 Webhook 设置...</translation>
        </message>
        <message>
            <source>Could not read the notifications: %1</source>
            <translation>无法读取通知：%1</translation>
        </message>
        <message>
            <source>%1 waiting, %2 sending, %3 delivered, %4 failed</source>
            <translation>等待 %1，发送中 %2，已送达 %3，失败 %4</translation>
        </message>
        <message>
            <source>No webhook URL is set for this school (setting "%1"): notifications wait here.</source>
            <translation>本校未设置 Webhook 地址（设置项“%1”）：通知在此等待。</translation>
        </message>
        <message>
            <source>Webhook %1. This computer does not send notifications (%2); the delivery service (tucai outbox deliver) may run elsewhere.</source>
            <translation>Webhook %1。本机不发送通知（%2）；推送服务（tucai outbox deliver）可能在其他机器上运行。</translation>
        </message>
        <message>
            <source>Sending notifications in the background to %1.</source>
            <translation>正在后台向 %1 发送通知。</translation>
        </message>
        <message>
            <source>The notifications could not be queued again: %1</source>
            <translation>无法重新排队通知：%1</translation>
        </message>
        <message>
            <source>%1 notification(s) queued again; %2 were not failed and were left as they are.</source>
            <translation>已重新排队 %1 条通知；%2 条并非失败状态，保持不变。</translation>
        </message>
        <message>
            <source>%1 notification(s) queued again.</source>
            <translation>已重新排队 %1 条通知。</translation>
        </message>
        <message>
            <source>#%1 %2 (key %3)</source>
            <translation>#%1 %2（键 %3）</translation>
        </message>
        <message>
            <source>#%1 %2 (key %3): last error: %4</source>
            <translation>#%1 %2（键 %3）：最近错误：%4</translation>
        </message>
        <message>
            <source>This computer does not send notifications: %1</source>
            <translation>本机不发送通知：%1</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::PhonePreview</name>
        <message>
            <source>Preview: the notice on a student's phone</source>
            <translation>预览：学生手机上的通知</translation>
        </message>
        <message>
            <source>Graduation photo collection</source>
            <translation>毕业生图像采集</translation>
        </message>
        <message>
            <source>Collection</source>
            <translation>采集</translation>
        </message>
        <message>
            <source>Daily hours</source>
            <translation>每日时段</translation>
        </message>
        <message>
            <source>Closed on</source>
            <translation>暂停采集</translation>
        </message>
        <message>
            <source>Fee</source>
            <translation>费用</translation>
        </message>
        <message>
            <source>%1 yuan</source>
            <translation>%1 元</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>联系方式</translation>
        </message>
        <message>
            <source>Attachments</source>
            <translation>附件</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::PhotoViewer</name>
        <message>
            <source>Face box</source>
            <translation>人脸框</translation>
        </message>
        <message>
            <source>Landmarks</source>
            <translation>关键点</translation>
        </message>
        <message>
            <source>Eye line and roll</source>
            <translation>眼线与倾斜角</translation>
        </message>
        <message>
            <source>Standard's guides</source>
            <translation>标准参考线</translation>
        </message>
        <message>
            <source>Background mask</source>
            <translation>背景蒙版</translation>
        </message>
        <message>
            <source>Highlight spots</source>
            <translation>高光点</translation>
        </message>
        <message>
            <source>Violated rules</source>
            <translation>违规项</translation>
        </message>
        <message>
            <source>The face the engine found</source>
            <translation>检测引擎找到的人脸</translation>
        </message>
        <message>
            <source>Line through the eyes with its roll angle</source>
            <translation>两眼连线及其倾斜角</translation>
        </message>
        <message>
            <source>Hair top 50-110 px, eye line 200-300 px, face width 180-300 px, vertical centre</source>
            <translation>发顶 50-110 像素、眼线 200-300 像素、脸宽 180-300 像素、垂直中线</translation>
        </message>
        <message>
            <source>Background pixels flagged by the background rules</source>
            <translation>背景规则标出的背景像素</translation>
        </message>
        <message>
            <source>Over-bright spots on the skin</source>
            <translation>皮肤上的过亮点</translation>
        </message>
        <message>
            <source>Region of each failed rule (red) and undecided rule (orange, dashed)</source>
            <translation>每个未通过规则的区域（红色）和无法判定规则的区域（橙色虚线）</translation>
        </message>
        <message>
            <source>hair top 50-110</source>
            <translation>发顶 50-110</translation>
        </message>
        <message>
            <source>eye line 200-300</source>
            <translation>眼线 200-300</translation>
        </message>
        <message>
            <source>face 180-300</source>
            <translation>脸宽 180-300</translation>
        </message>
        <message>
            <source>roll %1°</source>
            <translation>倾斜 %1°</translation>
        </message>
        <message>
            <source>Head pose</source>
            <translation>头部姿态</translation>
        </message>
        <message>
            <source>The 68 face landmarks (jaw, brows, nose, eyes, lips) and the located pupils and mouth</source>
            <translation>68 个面部关键点（下颌、眉、鼻、眼、唇）以及定位到的瞳孔和嘴</translation>
        </message>
        <message>
            <source>The head's axes from the landmarks (red: across, green: down, blue: towards the camera) with yaw, pitch and roll</source>
            <translation>由关键点求得的头部坐标轴（红：横向，绿：向下，蓝：朝向镜头）及偏转、俯仰、倾斜角</translation>
        </message>
        <message>
            <source>yaw %1° pitch %2° roll %3°</source>
            <translation>偏转 %1° 俯仰 %2° 倾斜 %3°</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::QueueModel</name>
        <message>
            <source>Draft</source>
            <translation>草稿</translation>
        </message>
        <message>
            <source>To review</source>
            <translation>待审核</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>已通过</translation>
        </message>
        <message>
            <source>Returned</source>
            <translation>已退回</translation>
        </message>
        <message>
            <source>Not checked</source>
            <translation>未检测</translation>
        </message>
        <message numerus="yes">
            <source>%n rule(s) failed</source>
            <translation>
                <numerusform>%n 项规则未通过</numerusform>
            </translation>
        </message>
        <message>
            <source>Passed</source>
            <translation>通过</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>Photo</source>
            <translation>照片</translation>
        </message>
        <message>
            <source>Student no.</source>
            <translation>学号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>班级</translation>
        </message>
        <message>
            <source>Stored</source>
            <translation>存入时间</translation>
        </message>
        <message>
            <source>Submitted</source>
            <translation>已提交</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>检测</translation>
        </message>
        <message>
            <source>Awaiting payment</source>
            <translation>待缴费</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::ReasonDialog</name>
        <message>
            <source>New end</source>
            <translation>新的结束时间</translation>
        </message>
        <message>
            <source>Extra attempts</source>
            <translation>增加次数</translation>
        </message>
        <message>
            <source>Why? (kept in the audit log, e.g. "checked the student's ID card at the office")</source>
            <translation>原因？（记入审计日志，例如“已在办公室核对学生身份证”）</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Please give a reason.</source>
            <translation>请填写原因。</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::ReturnReasonDialog</name>
        <message numerus="yes">
            <source>Return %n photos</source>
            <translation>
                <numerusform>退回 %n 张照片</numerusform>
            </translation>
        </message>
        <message>
            <source>Return the photo</source>
            <translation>退回照片</translation>
        </message>
        <message>
            <source>Note to the student (optional):</source>
            <translation>给学生的说明（可选）：</translation>
        </message>
        <message>
            <source>Return (Ctrl+Enter)</source>
            <translation>退回（Ctrl+Enter）</translation>
        </message>
        <message>
            <source>Tick at least one reason or write a note.</source>
            <translation>请至少勾选一个原因或填写说明。</translation>
        </message>
        <message>
            <source>Suggested when these checks fail: %1</source>
            <translation>以下检查未通过时建议选用：%1</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>Why is it returned? The student sees these reasons and shoots again free of charge. Reasons suggested by the failed rules are ticked and listed first.</source>
            <translation>退回原因是什么？学生会看到这些原因并免费重拍。未通过的检查规则所建议的原因已勾选并排在最前。</translation>
        </message>
        <message>
            <source>Type to filter: Chinese, pinyin or its initials (bj = 背景不符)</source>
            <translation>输入以筛选：中文、拼音或拼音首字母（bj = 背景不符）</translation>
        </message>
        <message>
            <source>(suggested by the checks)</source>
            <translation>（检查建议）</translation>
        </message>
        <message>
            <source>Key %1 ticks or unticks this reason.</source>
            <translation>按 %1 键勾选或取消此原因。</translation>
        </message>
        <message>
            <source>Keys: 1-9 tick the numbered reasons · type to filter · Up/Down and Enter or Space tick the highlighted one · Ctrl+Enter returns · Esc clears the filter, then cancels</source>
            <translation>按键：1-9 勾选带编号的原因 · 直接输入即可筛选 · Up/Down 移动，Enter 或 Space 勾选高亮的原因 · Ctrl+Enter 退回 · Esc 先清除筛选，再取消</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::ReviewPage</name>
        <message>
            <source>default profile</source>
            <translation>默认配置</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>加载中…</translation>
        </message>
        <message>
            <source>Batch</source>
            <translation>批量</translation>
        </message>
        <message>
            <source>Approve selected</source>
            <translation>通过所选</translation>
        </message>
        <message>
            <source>Return selected…</source>
            <translation>退回所选…</translation>
        </message>
        <message>
            <source>Approve everything that passes every rule…</source>
            <translation>通过所有规则均合格的照片…</translation>
        </message>
        <message>
            <source>Re-check</source>
            <translation>重新检测</translation>
        </message>
        <message>
            <source>Re-check the selection</source>
            <translation>重新检测所选</translation>
        </message>
        <message>
            <source>Re-check everything matching the filter</source>
            <translation>重新检测筛选出的全部照片</translation>
        </message>
        <message>
            <source>Choose check profile…</source>
            <translation>选择检测配置…</translation>
        </message>
        <message>
            <source>Run the check engine again (profile: %1)</source>
            <translation>再次运行检测引擎（配置：%1）</translation>
        </message>
        <message>
            <source>Not checked yet: check it now (Ctrl+R)</source>
            <translation>尚未检测：立即检测（Ctrl+R）</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>规则</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Measured</source>
            <translation>测量值</translation>
        </message>
        <message>
            <source>Limit</source>
            <translation>限值</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Overlay layers:</source>
            <translation>叠加图层：</translation>
        </message>
        <message>
            <source>&lt;span style='color:#e61e1e'&gt;■&lt;/span&gt; failed rule &amp;nbsp; &lt;span style='color:#ff9600'&gt;▪▪&lt;/span&gt; undecided rule &amp;nbsp; &lt;span style='color:#d4c000'&gt;■&lt;/span&gt; selected rule</source>
            <translation>&lt;span style='color:#e61e1e'&gt;■&lt;/span&gt; 未通过规则 &amp;nbsp; &lt;span style='color:#ff9600'&gt;▪▪&lt;/span&gt; 无法判定规则 &amp;nbsp; &lt;span style='color:#d4c000'&gt;■&lt;/span&gt; 选中的规则</translation>
        </message>
        <message>
            <source>Could not count the photos</source>
            <translation>无法统计照片数量</translation>
        </message>
        <message numerus="yes">
            <source>%n photo(s) match the filter</source>
            <translation>
                <numerusform>筛选结果：%n 张照片</numerusform>
            </translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>通过</translation>
        </message>
        <message>
            <source>Return…</source>
            <translation>退回…</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>跳过</translation>
        </message>
        <message>
            <source>Previous</source>
            <translation>上一张</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>下一张</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>适应窗口</translation>
        </message>
        <message>
            <source>100%</source>
            <translation>100%</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>放大</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>缩小</translation>
        </message>
        <message>
            <source>Re-check this photo</source>
            <translation>重新检测此照片</translation>
        </message>
        <message>
            <source>Approve this photo and show the next (%1)</source>
            <translation>通过此照片并显示下一张（%1）</translation>
        </message>
        <message>
            <source>Return this photo with reasons (%1)</source>
            <translation>填写原因并退回此照片（%1）</translation>
        </message>
        <message>
            <source>Leave this photo for later and show the next (%1)</source>
            <translation>稍后处理此照片，显示下一张（%1）</translation>
        </message>
        <message>
            <source>Take back the last decision while the student has not acted on it (%1)</source>
            <translation>在学生操作前撤销上一次审核（%1）</translation>
        </message>
        <message>
            <source>All colleges</source>
            <translation>全部学院</translation>
        </message>
        <message>
            <source>To review</source>
            <translation>待审核</translation>
        </message>
        <message>
            <source>Drafts</source>
            <translation>草稿</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>已通过</translation>
        </message>
        <message>
            <source>Returned</source>
            <translation>已退回</translation>
        </message>
        <message>
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Any rule</source>
            <translation>任意规则</translation>
        </message>
        <message>
            <source>any day</source>
            <translation>任意日期</translation>
        </message>
        <message>
            <source>Student no. or name (Ctrl+F)</source>
            <translation>学号或姓名（Ctrl+F）</translation>
        </message>
        <message>
            <source>Oldest first</source>
            <translation>最早的在前</translation>
        </message>
        <message>
            <source>Newest first</source>
            <translation>最新的在前</translation>
        </message>
        <message>
            <source>From</source>
            <translation>从</translation>
        </message>
        <message>
            <source>to</source>
            <translation>到</translation>
        </message>
        <message>
            <source>All classes</source>
            <translation>全部班级</translation>
        </message>
        <message>
            <source>Loading the queue…</source>
            <translation>正在加载队列…</translation>
        </message>
        <message>
            <source>Select a photo</source>
            <translation>请选择一张照片</translation>
        </message>
        <message>
            <source>No photo matches the filter.</source>
            <translation>没有符合筛选条件的照片。</translation>
        </message>
        <message>
            <source>Loading the photo…</source>
            <translation>正在加载照片…</translation>
        </message>
        <message>
            <source>submitted %1</source>
            <translation>提交于 %1</translation>
        </message>
        <message>
            <source>stored %1</source>
            <translation>存入于 %1</translation>
        </message>
        <message>
            <source>%1 by %2 at %3</source>
            <translation>%1：%2，%3</translation>
        </message>
        <message>
            <source>Checked %1 by %2, profile %3</source>
            <translation>%1 由 %2 检测，配置 %3</translation>
        </message>
        <message>
            <source>Not checked</source>
            <translation>未检测</translation>
        </message>
        <message>
            <source>No check report is stored for this photo yet. Re-check it (Ctrl+R).</source>
            <translation>此照片尚无检测报告。请重新检测（Ctrl+R）。</translation>
        </message>
        <message>
            <source>Unreadable</source>
            <translation>无法读取</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>未通过</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <source>uncertain</source>
            <translation>无法判定</translation>
        </message>
        <message>
            <source>passed</source>
            <translation>通过</translation>
        </message>
        <message>
            <source>Review</source>
            <translation>照片审核</translation>
        </message>
        <message>
            <source>Please wait for the running batch to finish.</source>
            <translation>请等待正在进行的批量操作完成。</translation>
        </message>
        <message>
            <source>No photo is shown.</source>
            <translation>当前未显示照片。</translation>
        </message>
        <message>
            <source>Select the photos to return first.</source>
            <translation>请先选择要退回的照片。</translation>
        </message>
        <message>
            <source>End of the queue.</source>
            <translation>已到队列末尾。</translation>
        </message>
        <message>
            <source>Already decided</source>
            <translation>已被审核</translation>
        </message>
        <message>
            <source>Decision not saved</source>
            <translation>审核结果未保存</translation>
        </message>
        <message>
            <source>Ctrl+Z takes it back.</source>
            <translation>按 Ctrl+Z 可撤销。</translation>
        </message>
        <message>
            <source>%1 of %2 photos decided.</source>
            <translation>已审核 %1/%2 张照片。</translation>
        </message>
        <message numerus="yes">
            <source>%n could not be decided: %1</source>
            <translation>
                <numerusform>%n 张无法审核：%1</numerusform>
            </translation>
        </message>
        <message>
            <source>Some photos were not decided</source>
            <translation>部分照片未能审核</translation>
        </message>
        <message>
            <source>Nothing to undo.</source>
            <translation>没有可撤销的操作。</translation>
        </message>
        <message>
            <source>Cannot undo</source>
            <translation>无法撤销</translation>
        </message>
        <message>
            <source>Decision undone.</source>
            <translation>已撤销审核结果。</translation>
        </message>
        <message numerus="yes">
            <source>%n decisions undone.</source>
            <translation>
                <numerusform>已撤销 %n 个审核结果。</numerusform>
            </translation>
        </message>
        <message>
            <source>Select the photos to approve first.</source>
            <translation>请先选择要通过的照片。</translation>
        </message>
        <message numerus="yes">
            <source>Deciding %n photo(s)…</source>
            <translation>
                <numerusform>正在审核 %n 张照片…</numerusform>
            </translation>
        </message>
        <message>
            <source>Approve passing photos</source>
            <translation>通过合格照片</translation>
        </message>
        <message>
            <source>None of the %1 photos to review in this filter passes every rule (%2 not checked yet).</source>
            <translation>筛选出的 %1 张待审核照片中，没有一张全部规则合格（%2 张尚未检测）。</translation>
        </message>
        <message>
            <source>%1 photos to review match the filter.
%2 pass every rule and will be approved.
%3 failed or could not decide a rule and %4 are not checked yet: they stay in the queue.

Approve %2 photos?</source>
            <translation>筛选出 %1 张待审核照片。
其中 %2 张全部规则合格，将被通过。
%3 张有规则未通过或无法判定，%4 张尚未检测：它们留在队列中。

通过这 %2 张照片吗？</translation>
        </message>
        <message>
            <source>Select the photos to re-check first.</source>
            <translation>请先选择要重新检测的照片。</translation>
        </message>
        <message>
            <source>Run the checks again on all %1 photos of this filter?</source>
            <translation>对筛选出的全部 %1 张照片重新检测吗？</translation>
        </message>
        <message>
            <source>A re-check is already running.</source>
            <translation>重新检测正在进行中。</translation>
        </message>
        <message>
            <source>Re-checking %1/%2</source>
            <translation>正在重新检测 %1/%2</translation>
        </message>
        <message numerus="yes">
            <source>Re-check cancelled after %n photo(s).</source>
            <translation>
                <numerusform>已检测 %n 张照片后取消。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Re-checked %n photo(s).</source>
            <translation>
                <numerusform>已重新检测 %n 张照片。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n could not be read.</source>
            <translation>
                <numerusform>%n 张无法读取。</numerusform>
            </translation>
        </message>
        <message>
            <source>Choose a check profile</source>
            <translation>选择检测配置</translation>
        </message>
        <message>
            <source>Check profiles (*.json)</source>
            <translation>检测配置 (*.json)</translation>
        </message>
        <message>
            <source>Check profile</source>
            <translation>检测配置</translation>
        </message>
        <message>
            <source>This profile cannot be used: %1</source>
            <translation>该配置无法使用：%1</translation>
        </message>
        <message>
            <source>Re-checks now use the profile %1.</source>
            <translation>重新检测现在使用配置 %1。</translation>
        </message>
        <message>
            <source>Order of the queue (or click a column header)</source>
            <translation>队列排序（也可点击列标题）</translation>
        </message>
        <message>
            <source>Student no. ascending</source>
            <translation>学号升序</translation>
        </message>
        <message>
            <source>Student no. descending</source>
            <translation>学号降序</translation>
        </message>
        <message>
            <source>Name ascending</source>
            <translation>姓名升序</translation>
        </message>
        <message>
            <source>Name descending</source>
            <translation>姓名降序</translation>
        </message>
        <message>
            <source>Class ascending</source>
            <translation>班级升序</translation>
        </message>
        <message>
            <source>Class descending</source>
            <translation>班级降序</translation>
        </message>
        <message>
            <source>Status ascending</source>
            <translation>状态升序</translation>
        </message>
        <message>
            <source>Status descending</source>
            <translation>状态降序</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::RichTextToolBar</name>
        <message>
            <source>Heading</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>正文</translation>
        </message>
        <message>
            <source>Bold</source>
            <translation>粗体</translation>
        </message>
        <message>
            <source>Italic</source>
            <translation>斜体</translation>
        </message>
        <message>
            <source>• List</source>
            <translation>• 列表</translation>
        </message>
        <message>
            <source>1. List</source>
            <translation>1. 列表</translation>
        </message>
        <message>
            <source>Link...</source>
            <translation>链接...</translation>
        </message>
        <message>
            <source>Insert link</source>
            <translation>插入链接</translation>
        </message>
        <message>
            <source>Address (https://...):</source>
            <translation>地址（https://...）：</translation>
        </message>
        <message>
            <source>Table...</source>
            <translation>表格...</translation>
        </message>
        <message>
            <source>Insert table</source>
            <translation>插入表格</translation>
        </message>
        <message>
            <source>Rows:</source>
            <translation>行数：</translation>
        </message>
        <message>
            <source>Columns:</source>
            <translation>列数：</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::SettingsPage</name>
        <message>
            <source>window opens</source>
            <translation>采集开始</translation>
        </message>
        <message>
            <source>window closes</source>
            <translation>采集结束</translation>
        </message>
        <message>
            <source>daily hours</source>
            <translation>每日时段</translation>
        </message>
        <message>
            <source>liveness failures before lock</source>
            <translation>锁定前活体检测失败次数</translation>
        </message>
        <message>
            <source>other failures before cooling-off</source>
            <translation>冷静期前其他失败次数</translation>
        </message>
        <message>
            <source>cooling-off minutes</source>
            <translation>冷静期分钟数</translation>
        </message>
        <message>
            <source>draft capacity</source>
            <translation>草稿箱容量</translation>
        </message>
        <message>
            <source>draft retention hours</source>
            <translation>草稿保留小时数</translation>
        </message>
        <message>
            <source>payment required</source>
            <translation>需要缴费</translation>
        </message>
        <message>
            <source>fee (cents)</source>
            <translation>费用（分）</translation>
        </message>
        <message>
            <source>video required</source>
            <translation>须观看视频</translation>
        </message>
        <message>
            <source>Collection window</source>
            <translation>采集时间</translation>
        </message>
        <message>
            <source>Opens</source>
            <translation>开始</translation>
        </message>
        <message>
            <source>Closes</source>
            <translation>结束</translation>
        </message>
        <message>
            <source>Daily hours</source>
            <translation>每日时段</translation>
        </message>
        <message>
            <source>Failures and locks</source>
            <translation>失败与锁定</translation>
        </message>
        <message>
            <source>After this many failed liveness checks the account is locked until a staff member unlocks it.</source>
            <translation>活体检测失败达到此次数后，账号将被锁定，直到工作人员解锁。</translation>
        </message>
        <message>
            <source>After this many failed photo checks the student waits for the cooling-off period.</source>
            <translation>照片检测失败达到此次数后，学生须等待冷静期结束。</translation>
        </message>
        <message>
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <source>Liveness failures before lock</source>
            <translation>锁定前允许的活体检测失败次数</translation>
        </message>
        <message>
            <source>Other failures before cooling-off</source>
            <translation>进入冷静期前允许的其他失败次数</translation>
        </message>
        <message>
            <source>Cooling-off length</source>
            <translation>冷静期时长</translation>
        </message>
        <message>
            <source>Draft box</source>
            <translation>草稿箱</translation>
        </message>
        <message>
            <source> photos</source>
            <translation> 张</translation>
        </message>
        <message>
            <source> h</source>
            <translation> 小时</translation>
        </message>
        <message>
            <source>A draft can be deleted only this long after it was stored (usually 24 h).</source>
            <translation>草稿存入后须经过此时长才能删除（通常为 24 小时）。</translation>
        </message>
        <message>
            <source>Capacity</source>
            <translation>容量</translation>
        </message>
        <message>
            <source>Deletable after</source>
            <translation>可删除时间</translation>
        </message>
        <message>
            <source>Payment and requirements</source>
            <translation>缴费与要求</translation>
        </message>
        <message>
            <source>Students pay after submitting</source>
            <translation>学生提交后需缴费</translation>
        </message>
        <message>
            <source> yuan</source>
            <translation> 元</translation>
        </message>
        <message>
            <source>Students must watch the requirements video before the first shot</source>
            <translation>学生首次拍摄前须看完拍摄要求视频</translation>
        </message>
        <message>
            <source>Fee</source>
            <translation>费用</translation>
        </message>
        <message>
            <source>Reason for the change (kept in the audit log)</source>
            <translation>修改原因（记入审计日志）</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>Save the settings (Ctrl+S); the student side uses them at once</source>
            <translation>保存设置（Ctrl+S）；学生端立即生效</translation>
        </message>
        <message>
            <source>&amp;Revert</source>
            <translation>还原(&amp;R)</translation>
        </message>
        <message>
            <source>Recent changes</source>
            <translation>最近的修改</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>操作人</translation>
        </message>
        <message>
            <source>Changed</source>
            <translation>修改时间</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Only school administrators can change these settings.</source>
            <translation>只有学校管理员可以修改这些设置。</translation>
        </message>
        <message>
            <source>Settings not saved</source>
            <translation>设置未保存</translation>
        </message>
        <message>
            <source>Collection settings</source>
            <translation>采集设置</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::StaffPage</name>
        <message>
            <source>New staff member…</source>
            <translation>新建工作人员…</translation>
        </message>
        <message>
            <source>Disable / enable…</source>
            <translation>停用/启用…</translation>
        </message>
        <message>
            <source>Reset password…</source>
            <translation>重置密码…</translation>
        </message>
        <message>
            <source>Change my password…</source>
            <translation>修改我的密码…</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>College / assignments</source>
            <translation>学院/分工</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Database role</source>
            <translation>数据库角色</translation>
        </message>
        <message>
            <source>Only school administrators manage staff accounts.</source>
            <translation>只有学校管理员可以管理工作人员账号。</translation>
        </message>
        <message>
            <source>locked (failed log-ins)</source>
            <translation>已锁定（登录失败）</translation>
        </message>
        <message>
            <source>active</source>
            <translation>启用</translation>
        </message>
        <message>
            <source>disabled</source>
            <translation>停用</translation>
        </message>
        <message>
            <source>New staff member</source>
            <translation>新建工作人员</translation>
        </message>
        <message>
            <source>Name shown</source>
            <translation>显示名称</translation>
        </message>
        <message>
            <source>College (college administrators)</source>
            <translation>学院（学院管理员）</translation>
        </message>
        <message>
            <source>Initial password</source>
            <translation>初始密码</translation>
        </message>
        <message>
            <source>Staff member %1 created.</source>
            <translation>已创建工作人员 %1。</translation>
        </message>
        <message>
            <source>Disable %1</source>
            <translation>停用 %1</translation>
        </message>
        <message>
            <source>Enable %1</source>
            <translation>启用 %1</translation>
        </message>
        <message>
            <source>The reason is kept in the audit log.</source>
            <translation>原因将记入审计日志。</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>工作人员</translation>
        </message>
        <message>
            <source>Reset password</source>
            <translation>重置密码</translation>
        </message>
        <message>
            <source>New password (at least 8 characters, letters and digits):</source>
            <translation>新密码（至少 8 位，包含字母和数字）：</translation>
        </message>
        <message>
            <source>password reset by an administrator</source>
            <translation>管理员重置了密码</translation>
        </message>
        <message>
            <source>Password changed.</source>
            <translation>密码已修改。</translation>
        </message>
        <message>
            <source>Change my password</source>
            <translation>修改我的密码</translation>
        </message>
        <message>
            <source>Current password</source>
            <translation>当前密码</translation>
        </message>
        <message>
            <source>New password</source>
            <translation>新密码</translation>
        </message>
        <message>
            <source>New password again</source>
            <translation>再次输入新密码</translation>
        </message>
        <message>
            <source>The two new passwords differ.</source>
            <translation>两次输入的新密码不一致。</translation>
        </message>
        <message>
            <source>Your password was changed.</source>
            <translation>您的密码已修改。</translation>
        </message>
        <message>
            <source>Assignments…</source>
            <translation>分配范围…</translation>
        </message>
        <message>
            <source>The colleges and classes a reviewer reviews</source>
            <translation>审核员负责审核的学院和班级</translation>
        </message>
        <message>
            <source>Assigned colleges and classes (reviewers)</source>
            <translation>分配的学院和班级（审核员）</translation>
        </message>
        <message>
            <source>Assignments</source>
            <translation>分配范围</translation>
        </message>
        <message>
            <source>Only reviewers are assigned colleges and classes; administrators see their college or the whole school.</source>
            <translation>只有审核员需要分配学院和班级；管理员可查看本学院或全校。</translation>
        </message>
        <message>
            <source>Assignments of %1</source>
            <translation>%1 的分配范围</translation>
        </message>
        <message>
            <source>Check a college for all its classes, or single classes.</source>
            <translation>勾选学院表示其全部班级，也可只勾选单个班级。</translation>
        </message>
        <message>
            <source>Kept in the audit log</source>
            <translation>将记入审计日志</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Assignments saved.</source>
            <translation>分配范围已保存。</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::StillMissingModel</name>
        <message>
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <source>College</source>
            <translation>学院</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>班级</translation>
        </message>
        <message>
            <source>Student number</source>
            <translation>学号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>已缴费</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::StillMissingWidget</name>
        <message>
            <source>&amp;Copy as text</source>
            <translation>复制为文本(&amp;C)</translation>
        </message>
        <message>
            <source>Copy the list for the class chat (%1)</source>
            <translation>复制名单以便发到班级群（%1）</translation>
        </message>
        <message>
            <source>&amp;Save as XLSX...</source>
            <translation>另存为 XLSX(&amp;S)...</translation>
        </message>
        <message>
            <source>Save the list as an Excel file (%1)</source>
            <translation>将名单保存为 Excel 文件（%1）</translation>
        </message>
        <message>
            <source>College:</source>
            <translation>学院：</translation>
        </message>
        <message>
            <source>Class:</source>
            <translation>班级：</translation>
        </message>
        <message>
            <source>Save the still-missing list</source>
            <translation>保存未完成名单</translation>
        </message>
        <message>
            <source>Excel files (*.xlsx)</source>
            <translation>Excel 文件 (*.xlsx)</translation>
        </message>
        <message>
            <source>All colleges</source>
            <translation>全部学院</translation>
        </message>
        <message>
            <source>All classes</source>
            <translation>全部班级</translation>
        </message>
        <message numerus="yes">
            <source>%n student(s) still missing</source>
            <translation>
                <numerusform>%n 名学生尚未完成</numerusform>
            </translation>
        </message>
        <message>
            <source>The file could not be written: %1</source>
            <translation>无法写入文件：%1</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::StudentListModel</name>
        <message>
            <source>The student list could not be loaded.</source>
            <translation>无法加载学生列表。</translation>
        </message>
        <message>
            <source>loading…</source>
            <translation>加载中…</translation>
        </message>
        <message>
            <source>until unlocked</source>
            <translation>直至解锁</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <source>Student no.</source>
            <translation>学号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>College</source>
            <translation>学院</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>班级</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Locked until</source>
            <translation>锁定至</translation>
        </message>
        <message>
            <source>Liveness failures</source>
            <translation>活体检测失败</translation>
        </message>
        <message>
            <source>Other failures</source>
            <translation>其他失败</translation>
        </message>
        <message>
            <source>Submissions</source>
            <translation>提交次数</translation>
        </message>
        <message>
            <source>Extra attempts</source>
            <translation>增加次数</translation>
        </message>
        <message>
            <source>Drafts</source>
            <translation>草稿</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>已缴费</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>身份证号</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>手机号</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::StudentPanel</name>
        <message>
            <source>Photos of this student (current first):</source>
            <translation>该学生的照片（当前的在前）：</translation>
        </message>
        <message>
            <source>Capture attempts:</source>
            <translation>拍摄记录：</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>检测</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>locked after liveness failures</source>
            <translation>因活体检测失败被锁定</translation>
        </message>
        <message>
            <source>cooling-off until %1</source>
            <translation>冷静期至 %1</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2&lt;br&gt;ID number: %3&lt;br&gt;%4 · %5&lt;br&gt;State: %6%7&lt;br&gt;Liveness failures: %8 · other failures: %9 · submissions: %10 · paid: %11</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2&lt;br&gt;身份证号：%3&lt;br&gt;%4 · %5&lt;br&gt;状态：%6%7&lt;br&gt;活体检测失败：%8 · 其他失败：%9 · 提交：%10 · 已缴费：%11</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <source>Liveness</source>
            <translation>活体检测</translation>
        </message>
        <message>
            <source>Quality</source>
            <translation>质量检测</translation>
        </message>
        <message>
            <source>passed</source>
            <translation>通过</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>未通过</translation>
        </message>
        <message>
            <source>Current: </source>
            <translation>当前：</translation>
        </message>
        <message>
            <source>Reviewer: %1</source>
            <translation>审核员：%1</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::StudentsPage</name>
        <message>
            <source>Search student number, name or phone (Ctrl+F)</source>
            <translation>搜索学号、姓名或手机号（Ctrl+F）</translation>
        </message>
        <message>
            <source>All colleges</source>
            <translation>全部学院</translation>
        </message>
        <message>
            <source>Unlock…</source>
            <translation>解锁…</translation>
        </message>
        <message>
            <source>Lift cooling-off…</source>
            <translation>解除冷静期…</translation>
        </message>
        <message>
            <source>Shorten cooling-off…</source>
            <translation>缩短冷静期…</translation>
        </message>
        <message>
            <source>Reset for re-shoot…</source>
            <translation>重置以便重拍…</translation>
        </message>
        <message>
            <source>Extra attempts…</source>
            <translation>增加次数…</translation>
        </message>
        <message>
            <source>Import roster…</source>
            <translation>导入名单…</translation>
        </message>
        <message>
            <source>Select a student.</source>
            <translation>请选择一名学生。</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>检测</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Attempts</source>
            <translation>尝试次数</translation>
        </message>
        <message>
            <source>Stored</source>
            <translation>存入时间</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Checks</source>
            <translation>检测</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>审核结果</translation>
        </message>
        <message>
            <source>Drafts and submissions</source>
            <translation>草稿与提交</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>工作人员</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>History</source>
            <translation>历史</translation>
        </message>
        <message numerus="yes">
            <source>%n student(s)</source>
            <translation>
                <numerusform>%n 名学生</numerusform>
            </translation>
        </message>
        <message>
            <source>loading…</source>
            <translation>加载中…</translation>
        </message>
        <message numerus="yes">
            <source>%n students selected.</source>
            <translation>
                <numerusform>已选择 %n 名学生。</numerusform>
            </translation>
        </message>
        <message>
            <source>locked after %1 liveness failures until a staff member unlocks it</source>
            <translation>活体检测失败 %1 次后被锁定，直到工作人员解锁</translation>
        </message>
        <message>
            <source>cooling-off until %1</source>
            <translation>冷静期至 %1</translation>
        </message>
        <message>
            <source>not locked</source>
            <translation>未锁定</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1 %2&lt;/b&gt; — %3, %4&lt;br&gt;State: %5; account %6; paid: %7; extra attempts: %8</source>
            <translation>&lt;b&gt;%1 %2&lt;/b&gt; — %3，%4&lt;br&gt;状态：%5；账号%6；已缴费：%7；增加次数：%8</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <source>liveness</source>
            <translation>活体检测</translation>
        </message>
        <message>
            <source>photo checks</source>
            <translation>照片检测</translation>
        </message>
        <message>
            <source>passed</source>
            <translation>通过</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>未通过</translation>
        </message>
        <message>
            <source>draft</source>
            <translation>草稿</translation>
        </message>
        <message>
            <source>submission</source>
            <translation>提交</translation>
        </message>
        <message numerus="yes">
            <source>Unlock %n student(s) locked after liveness failures. Check the student's identity first.</source>
            <translation>
                <numerusform>解锁 %n 名因活体检测失败被锁定的学生。请先核实学生身份。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>End the cooling-off of %n student(s) now.</source>
            <translation>
                <numerusform>立即结束 %n 名学生的冷静期。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Shorten the cooling-off of %n student(s).</source>
            <translation>
                <numerusform>缩短 %n 名学生的冷静期。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Reset %n student(s) so they can shoot again. Their payment is kept; drafts are removed and current submissions returned.</source>
            <translation>
                <numerusform>重置 %n 名学生以便重拍。缴费记录保留；草稿将被删除，当前提交将被退回。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Give %n student(s) extra attempts.</source>
            <translation>
                <numerusform>为 %n 名学生增加拍摄次数。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1: %n student(s) changed.</source>
            <translation>
                <numerusform>%1：已修改 %n 名学生。</numerusform>
            </translation>
        </message>
        <message>
            <source>Students</source>
            <translation>学生</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::WelcomeDialog</name>
        <message>
            <source>Welcome to Tucai Admin</source>
            <translation>欢迎使用图采管理端</translation>
        </message>
        <message>
            <source>No collection database is set up on this computer yet. How would you like to start?</source>
            <translation>这台电脑上还没有设置采集数据库。您想如何开始？</translation>
        </message>
        <message>
            <source>1  Try the demo school</source>
            <translation>1  试用演示学校</translation>
        </message>
        <message>
            <source>Creates a practice database on this computer with made-up students, photos and staff accounts. Nothing is sent anywhere; the log-in window lists the demo accounts.</source>
            <translation>在这台电脑上创建一个练习用数据库，包含虚构的学生、照片和工作人员账号。不会向外发送任何数据；登录窗口会列出演示账号。</translation>
        </message>
        <message>
            <source>2  Connect to the school's database server</source>
            <translation>2  连接学校的数据库服务器</translation>
        </message>
        <message>
            <source>PostgreSQL: the server address, database name, user name and password come from the person who runs the server.</source>
            <translation>PostgreSQL：服务器地址、数据库名、用户名和密码请向服务器管理员索取。</translation>
        </message>
        <message>
            <source>3  Open a database file</source>
            <translation>3  打开数据库文件</translation>
        </message>
        <message>
            <source>A collection database file (SQLite) on this computer or on a shared drive.</source>
            <translation>这台电脑或共享盘上的采集数据库文件（SQLite）。</translation>
        </message>
        <message>
            <source>You can connect to another database at any time from the File menu.</source>
            <translation>之后随时可以在“文件”菜单中连接其他数据库。</translation>
        </message>
        <message>
            <source>Demo school</source>
            <translation>演示学校</translation>
        </message>
        <message>
            <source>Cannot create the folder %1.</source>
            <translation>无法创建文件夹 %1。</translation>
        </message>
        <message>
            <source>Creating the demo school...</source>
            <translation>正在创建演示学校……</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>The demo school could not be created: %1</source>
            <translation>无法创建演示学校：%1</translation>
        </message>
    </context>
    <context>
        <name>ConnectionMonitor</name>
        <message>
            <source>The database file %1 is missing.</source>
            <translation>数据库文件 %1 不存在。</translation>
        </message>
    </context>
</TS>
