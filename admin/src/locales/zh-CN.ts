export default {
  app: { title: "泉州市零工市场服务平台", subtitle: "管理后台", logout: "退出登录", language: "English" },
  role: { CITY_OFFICER: "市人社局", COUNTY_OFFICER: "县级人社", VENUE_STAFF: "场所工作人员", WORKER: "零工人员", EMPLOYER: "用工主体" },
  menu: {
    dashboard: "工作台", venues: "零工市场/驿站", workers: "零工人员", walkIn: "现场登记", tasks: "岗位与派单",
    fairness: "派单公平性", reference: "基础数据", minimumWage: "最低工资标准", holidays: "节假日安排", queues: "队列监控",
  },
  common: {
    search: "查询", reset: "重置", all: "全部", actions: "操作", detail: "详情", loading: "加载中…", empty: "暂无数据",
    error: "加载失败", retry: "重试", save: "保存", cancel: "取消", confirm: "确定", back: "返回", region: "地区",
    status: "状态", type: "类型", name: "名称", address: "地址", total: "共 {n} 条", yes: "是", no: "否",
    forbidden: "无权访问此页面", forbiddenHint: "您的角色不能使用此功能。如需开通，请联系上级人社部门。", home: "回到工作台",
    pendingModule: "待绩效模块上线", pendingModuleHint: "该数据由绩效与补助模块提供，模块上线后自动显示。",
  },
  login: {
    title: "登录管理后台", password: "密码登录", sms: "短信验证码登录", phone: "手机号", passwordLabel: "密码",
    code: "验证码", sendCode: "获取验证码", resend: "{s} 秒后重发", submit: "登录", phoneInvalid: "请输入有效的手机号",
    codeSent: "验证码已发送", smsRequired: "该账号登录失败次数过多，请同时输入短信验证码",
    hint: "零工人员和用工主体请使用手机端「泉州零工」。",
  },
  phoneOnly: {
    title: "请使用手机端", body: "管理后台面向场所工作人员和人社部门。零工人员和用工主体请在手机上打开「泉州零工」页面，查看派单、签订合同和确认工资。",
  },
  dashboard: {
    coverage: "覆盖情况（已认定场所）", regions: "覆盖县（市、区）", markets: "零工市场", stations: "零工驿站", target: "目标 {n}",
    met: "已达标", notMet: "未达标", byRegion: "各地区已认定场所", venueStatus: "场所状态分布",
    placements: "岗位推荐成功趋势", stars: "星级分布", budget: "补助资金使用", overdue: "超期投诉",
    myVenue: "本场所", score: "绩效得分", projectedStar: "预计星级", workersRegistered: "本场所登记零工",
    openTasks: "进行中的岗位",
  },
  venue: {
    list: "零工市场/驿站", operator: "运营主体", creditCode: "统一社会信用代码", recognizedAt: "认定时间",
    keyword: "名称或地址", recognize: "认定", suspend: "暂停", revoke: "撤销", reason: "原因", reasonRequired: "请填写原因",
    recognizeConfirm: "确认认定「{name}」？", periods: "政府购买服务期间", periodHint: "期间内不享受绩效补助",
    addPeriod: "新增期间", startsOn: "开始日期", endsOn: "结束日期", note: "备注", staff: "工作人员与登记零工",
    workersCount: "登记零工 {n} 人", staffHint: "工作人员账号由县级人社部门创建（createStaffAccount）。", contact: "联系电话",
    statusReason: "状态说明", basic: "基本信息", done: "已更新",
  },
  worker: {
    list: "零工人员", realName: "姓名", idNumber: "身份证号", gender: "性别", age: "年龄", skills: "技能", skill: "技能",
    priority: "重点群体", older: "大龄", hardToEmploy: "就业困难", zeroFamily: "零就业家庭", reliability: "履约",
    completed: "完成 {n}", noShow: "爽约 {n}", rating: "评分", homeVenue: "所属场所", travel: "出行", profile: "零工档案",
    available: "可接单", onlyMine: "仅本场所",
  },
  walkIn: {
    title: "现场登记求职者", hint: "请核对本人身份证原件。登记后本场所为其所属场所，可代为接单。", phone: "手机号",
    password: "初始密码", passwordHint: "至少 8 位，请告知求职者登录后修改", homeAddress: "住址", homeLat: "住址纬度", homeLng: "住址经度",
    travelMode: "出行方式", travelMinutes: "可接受通勤（分钟）", addSkill: "添加技能", level: "等级", submit: "登记",
    success: "已登记：{name}（{id}），{age} 岁", idParsed: "{gender}，{birth} 出生，{age} 岁", under16: "未满16周岁，不能登记为零工人员",
  },
  task: {
    list: "岗位", title: "岗位名称", time: "工作时间", seats: "到岗/需求", pay: "报酬", wave: "派单轮次", fill: "满员率",
    manual: "需人工派单", offers: "派单记录", why: "为何派给TA", score: "综合得分", travel: "通勤", worker: "零工",
    expiresAt: "有效期至", engagements: "已接单", source: "来源", proxy: "代为接单", proxyTitle: "代为接单（现场零工）",
    proxyHint: "向零工手机发送验证码，请零工当面告知验证码后确认。", workerId: "零工", sendCode: "发送验证码", code: "验证码",
    proxyDone: "已代为接单", live: "实时更新", flags: "提示", description: "说明",
  },
  fairness: {
    title: "派单公平性报告", month: "月份", group: "群体", available: "可派单零工", offers: "派单", engagements: "接单",
    share: "占比", hint: "重点群体（大龄、就业困难、零就业家庭）在派单与接单中的占比，应不低于其在可派单零工中的占比。",
  },
  reference: {
    minimumWage: "最低工资标准", effectiveFrom: "执行日期", monthly: "月最低工资（元）", hourly: "小时最低工资（元）",
    source: "文件依据", add: "新增标准", holidays: "节假日安排", year: "年份", date: "日期", kind: "类别", dayName: "名称",
    saveYear: "保存全年", addDay: "添加一天", notice: "通知文号",
  },
  queues: {
    title: "队列监控", hint: "查看派单、绩效、投诉、补助、通知等后台任务的运行情况。", readOnly: "县级人社为只读视图；市人社局可重试失败任务。",
    open: "打开队列监控", opened: "已在新窗口打开",
  },
};
