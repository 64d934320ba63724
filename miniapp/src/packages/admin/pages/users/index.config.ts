export default definePageConfig({
  navigationBarTitleText: '用户、角色与登录码',
});
